#!/usr/bin/env bash
# Draws the three demo pictures that are ours (ImageMagick 6, Debian 12's `imagemagick`), and
# makes half-dome.jpg from the Grid fixture. Run from this folder; see README.md.
set -euo pipefail
W=1200; H=800

# The sample story's lead: a stadium under floodlights.
convert -size ${W}x${H} gradient:'#0b1530'-'#2a3f6e' \
  \( -size ${W}x${H} xc:none -fill 'rgba(255,250,220,0.9)' -draw "circle 150,120 150,150" -draw "circle 420,90 420,118" -draw "circle 780,90 780,118" -draw "circle 1050,120 1050,150" -blur 0x25 \) -composite \
  \( -size ${W}x${H} xc:none -fill 'rgba(255,255,240,1)' -draw "circle 150,120 150,132" -draw "circle 420,90 420,101" -draw "circle 780,90 780,101" -draw "circle 1050,120 1050,132" \) -composite \
  \( -size ${W}x140 -seed 7 plasma:fractal -colorspace gray -auto-level +level-colors '#2a2228','#b8a07a' \) -geometry +0+330 -compose over -composite \
  -fill '#2f7a35' -draw "polygon 0,470 1200,470 1200,800 0,800" \
  -fill '#35883b' -draw "polygon 0,520 1200,520 1200,580 0,580" -draw "polygon 0,640 1200,640 1200,710 0,710" \
  -stroke white -strokewidth 3 -fill none -draw "line 0,600 1200,600" -draw "ellipse 600,600 140,45 0,360" \
  -attenuate 0.4 +noise Gaussian -quality 82 stadium-lights.jpg

# A harbour at dawn.
convert -size ${W}x${H} gradient:'#f6c48a'-'#7fa6c9' -flip \
  \( -size ${W}x${H} xc:none -fill 'rgba(255,235,180,0.9)' -draw "circle 820,400 820,470" -blur 0x40 \) -composite \
  \( -size ${W}x380 -seed 21 plasma:fractal -colorspace gray -auto-level -motion-blur 0x12+0 +level-colors '#0f2c40','#6a9ab5' \) -geometry +0+420 -composite \
  -fill '#4a3b30' -draw "polygon 0,520 520,450 540,460 0,560" \
  -fill '#2b2b2b' -draw "rectangle 100,380 112,520" -draw "rectangle 300,395 310,480" -draw "polygon 640,420 760,420 740,440 660,440" \
  -attenuate 0.4 +noise Gaussian -quality 82 harbour-dawn.jpg

# A city at dusk with a bus.
WIN=""
for i in $(seq 1 300); do
  x=$(( (i*97) % 1180 + 10 )); y=$(( (i*61) % 500 + 210 ))
  WIN="$WIN rectangle $x,$y $((x+7)),$((y+9))"
done
convert -seed 3 -size ${W}x${H} gradient:'#23305c'-'#e08a5a' \
  \( -size ${W}x${H} xc:none -fill '#151a2a' -draw "rectangle 0,420 150,800" -draw "rectangle 150,300 280,800" -draw "rectangle 280,470 400,800" -draw "rectangle 400,250 520,800" -draw "rectangle 520,380 700,800" -draw "rectangle 700,200 800,800" -draw "rectangle 800,430 980,800" -draw "rectangle 980,330 1200,800" \
     \( -size ${W}x${H} xc:none -fill '#ffd67a' -draw "$WIN" \) -compose atop -composite \) -compose over -composite \
  -fill '#e8c040' -draw "roundrectangle 180,690 520,770 12,12" -fill '#7fb0d0' -draw "rectangle 200,705 500,735" -fill '#111' -draw "circle 240,772 240,792" -draw "circle 460,772 460,792" \
  -attenuate 0.4 +noise Gaussian -quality 82 city-dusk.jpg

# Half Dome: the Grid test suite's camera photo (../../../../shared/fixtures/photos/wire/), made smaller.
if [ -f "${GRID_PHOTO:-}" ]; then
  convert "$GRID_PHOTO" -resize ${W}x -strip -quality 82 half-dome.jpg
fi
