//! Where a local model's weights live and in which float type.

use std::fmt;
use std::str::FromStr;

use candle_core::{DType, Device};

use crate::error::{ModelError, Result};

/// A device to run a local model on: `cpu`, or `cuda` / `cuda:N` on a CUDA build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DeviceSpec {
    /// The CPU.
    #[default]
    Cpu,
    /// The CUDA GPU with this ordinal.
    Cuda(usize),
}

impl DeviceSpec {
    /// Opens the device. A CUDA device on a build without the `cuda` feature is an error
    /// that says how to build one.
    pub fn open(self) -> Result<Device> {
        match self {
            DeviceSpec::Cpu => Ok(Device::Cpu),
            DeviceSpec::Cuda(ordinal) => {
                if !cfg!(feature = "cuda") {
                    return Err(ModelError::InvalidRequest(format!(
                        "device {self}: this ethos was built without CUDA support \
                         (build it with `cargo build --release --features cuda`)"
                    )));
                }
                Device::new_cuda(ordinal)
                    .map_err(|err| ModelError::InvalidRequest(format!("device {self}: {err}")))
            }
        }
    }

    /// The weight type used when none is asked for: f32 on the CPU (its kernels are
    /// written for it), bf16 on a GPU (half the memory, tensor-core products).
    pub fn default_weights(self) -> WeightType {
        match self {
            DeviceSpec::Cpu => WeightType::F32,
            DeviceSpec::Cuda(_) => WeightType::Bf16,
        }
    }
}

impl fmt::Display for DeviceSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeviceSpec::Cpu => f.write_str("cpu"),
            DeviceSpec::Cuda(ordinal) => write!(f, "cuda:{ordinal}"),
        }
    }
}

impl FromStr for DeviceSpec {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "cpu" => Ok(DeviceSpec::Cpu),
            "cuda" | "gpu" => Ok(DeviceSpec::Cuda(0)),
            other => other
                .strip_prefix("cuda:")
                .and_then(|n| n.parse().ok())
                .map(DeviceSpec::Cuda)
                .ok_or_else(|| format!("unknown device `{text}` (expected cpu, cuda or cuda:N)")),
        }
    }
}

/// The float type a model's dense weights (and activations) are kept in. LoRA adapters
/// and their optimizer state stay f32 whatever this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightType {
    /// 32-bit floats.
    F32,
    /// bfloat16.
    Bf16,
    /// IEEE half precision.
    F16,
}

impl WeightType {
    /// The candle dtype.
    pub fn dtype(self) -> DType {
        match self {
            WeightType::F32 => DType::F32,
            WeightType::Bf16 => DType::BF16,
            WeightType::F16 => DType::F16,
        }
    }
}

impl fmt::Display for WeightType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WeightType::F32 => "f32",
            WeightType::Bf16 => "bf16",
            WeightType::F16 => "f16",
        })
    }
}

impl FromStr for WeightType {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "f32" | "float32" => Ok(WeightType::F32),
            "bf16" | "bfloat16" => Ok(WeightType::Bf16),
            "f16" | "float16" => Ok(WeightType::F16),
            _ => Err(format!(
                "unknown weight type `{text}` (expected f32, bf16 or f16)"
            )),
        }
    }
}

/// The type reductions over a tensor of `dtype` should run in: f32 for half types, whose
/// 8 (bf16) or 11 (f16) bits of mantissa lose sums of many terms; the type itself
/// otherwise (f64 stays f64 for gradient checks).
pub(crate) fn accumulation_dtype(dtype: DType) -> DType {
    match dtype {
        DType::BF16 | DType::F16 => DType::F32,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_parse_and_print() {
        assert_eq!("cpu".parse::<DeviceSpec>(), Ok(DeviceSpec::Cpu));
        assert_eq!("CUDA".parse::<DeviceSpec>(), Ok(DeviceSpec::Cuda(0)));
        assert_eq!("cuda:3".parse::<DeviceSpec>(), Ok(DeviceSpec::Cuda(3)));
        assert_eq!(DeviceSpec::Cuda(3).to_string(), "cuda:3");
        for bad in ["tpu", "cuda:", "cuda:x", "cuda:-1"] {
            let err = bad.parse::<DeviceSpec>().unwrap_err();
            assert!(err.contains(bad), "{err}");
        }
    }

    #[test]
    fn weight_types_parse() {
        assert_eq!("bf16".parse::<WeightType>(), Ok(WeightType::Bf16));
        assert_eq!("F32".parse::<WeightType>(), Ok(WeightType::F32));
        assert!("int4".parse::<WeightType>().is_err());
        assert_eq!(WeightType::Bf16.dtype(), DType::BF16);
        assert_eq!(DeviceSpec::Cuda(0).default_weights(), WeightType::Bf16);
        assert_eq!(DeviceSpec::Cpu.default_weights(), WeightType::F32);
    }

    #[cfg(not(feature = "cuda"))]
    #[test]
    fn cuda_without_the_feature_says_how_to_build() {
        let err = DeviceSpec::Cuda(0).open().unwrap_err().to_string();
        assert!(err.contains("--features cuda"), "{err}");
    }
}
