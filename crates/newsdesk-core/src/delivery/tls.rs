//! Which certificates an https receiver may present: those the system trusts, plus the CA a
//! destination names.
//!
//! The roots are the platform's own store (rustls-native-certs: the system bundle on Linux,
//! honouring SSL_CERT_FILE and SSL_CERT_DIR; the Keychain on macOS; the Windows certificate
//! store), not a bundle compiled into Newsdesk. A newsroom's IT manages that store: it adds
//! the company's CAs, removes distrusted ones, and updates it with the system, none of which
//! a copy of Mozilla's list frozen into our binary would follow. rustls-platform-verifier
//! would ask the platform's own verifier, but ureq takes it only without extra roots, and a
//! destination's CA file (a newsroom-internal CA that IT has not rolled out to every
//! laptop) must work too; so the store is loaded and the CA file added to it. The store is
//! read for each attempt, so a change to it counts without restarting the app.

use std::path::Path;

use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

/// The certificates in a PEM file: an error (in words for the editor) when it cannot be read
/// or holds none.
pub(crate) fn read_ca_file(path: &Path) -> Result<Vec<Certificate<'static>>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut certificates = Vec::new();
    for item in ureq::tls::parse_pem(&bytes) {
        match item {
            Ok(PemItem::Certificate(certificate)) => certificates.push(certificate),
            Ok(_) => {}
            Err(e) => {
                return Err(format!(
                    "{} is not a readable PEM file: {e}",
                    path.display()
                ));
            }
        }
    }
    if certificates.is_empty() {
        return Err(format!(
            "{} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
            path.display()
        ));
    }
    Ok(certificates)
}

/// The TLS settings for one attempt: the system's roots and the CA file's certificates.
pub(crate) fn config(ca_file: Option<&Path>) -> Result<TlsConfig, String> {
    // Certificates the store holds but rustls cannot read are passed over, as the system's
    // own tools do; the errors matter only when nothing at all could be loaded.
    let system = rustls_native_certs::load_native_certs();
    let mut roots: Vec<Certificate<'static>> = system
        .certs
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned())
        .collect();
    if let Some(path) = ca_file {
        roots.extend(read_ca_file(path)?);
    }
    if roots.is_empty() {
        let why = system
            .errors
            .first()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default();
        return Err(format!(
            "no trusted certificates: none could be read from this system's store{why}, and the \
             destination names no CA file"
        ));
    }
    Ok(TlsConfig::builder()
        .root_certs(RootCerts::new_with_certs(&roots))
        .build())
}
