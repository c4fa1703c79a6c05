"""libvips in one process (pyvips): the photos bench's case (b), one crop into renditions.

    python3 libvips_renditions.py MODE SOURCE X Y WIDTH HEIGHT OUT_DIR WIDTH...

MODE "crop" does in one process what the bench's libvips command-line case does in several:
load, crop, then `thumbnail_image` for each width. MODE "shrink-on-load" gives libvips the
trick Newsdesk uses: the JPEG is decoded at 1/2, 1/4 or 1/8 size in the DCT domain (as large
a reduction as still leaves the largest rendition a downscale), then cropped and resized with
Lanczos 3 to each width. Both write quality-85 JPEGs carrying an XMP packet with the credit.

Prints "work SECONDS" on its last line: the time from opening the file to the last rendition
written, without Python's and pyvips' start-up, which the bench measures around the process.
"""

import sys
import time

import pyvips

XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    'photoshop:Credit="Zoë Ångström/Newsdesk"/></rdf:RDF></x:xmpmeta>'
).encode()


def save(image, path):
    image = image.copy()
    image.set_type(pyvips.GValue.blob_type, "xmp-data", XMP)
    image.jpegsave(path, Q=85)


def main():
    mode, source, x, y, w, h, out = sys.argv[1:8]
    x, y, w, h = int(x), int(y), int(w), int(h)
    widths = [int(a) for a in sys.argv[8:]]
    started = time.perf_counter()
    if mode == "crop":
        crop = pyvips.Image.new_from_file(source).crop(x, y, w, h)
        for width in widths:
            save(crop.thumbnail_image(width), f"{out}/pv{width}.jpg")
    elif mode == "shrink-on-load":
        shrink = 8
        while shrink > 1 and w // shrink < max(widths):
            shrink //= 2
        image = pyvips.Image.new_from_file(source, shrink=shrink)
        crop = image.crop(x // shrink, y // shrink, w // shrink, h // shrink).copy_memory()
        for width in widths:
            resized = crop.resize(width / crop.width, kernel="lanczos3")
            save(resized, f"{out}/ps{width}.jpg")
    else:
        sys.exit(f"unknown mode {mode}")
    print(f"work {time.perf_counter() - started:.4f}")


if __name__ == "__main__":
    main()
