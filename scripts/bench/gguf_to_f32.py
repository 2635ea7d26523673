#!/usr/bin/env python3
"""Writes an F32 copy of a GGUF file: every tensor dequantised, all metadata kept.

    pip install gguf numpy
    python3 scripts/bench/gguf_to_f32.py IN.gguf OUT.gguf

Used by model_vs_llamacpp.py so that llama.cpp and ethos can be compared on the same
weights (llama.cpp multiplies Q4_1 weights with Q8-quantised activations; on an F32 file
it multiplies in f32, as ethos does for prompts and scoring).
"""
import sys

import numpy as np
from gguf import GGUFReader, GGUFValueType, GGUFWriter
from gguf.quants import dequantize


def text(field, index):
    return bytes(field.parts[index]).decode("utf-8", errors="surrogateescape")


def convert(src, dst):
    reader = GGUFReader(src)
    arch = text(reader.fields["general.architecture"], reader.fields["general.architecture"].data[0])
    writer = GGUFWriter(dst, arch)
    for name, field in reader.fields.items():
        if name.startswith("GGUF.") or name == "general.architecture":
            continue
        kind = field.types[0]
        if kind == GGUFValueType.ARRAY:
            sub = field.types[-1]
            if sub == GGUFValueType.STRING:
                value = [text(field, i) for i in field.data]
            else:
                value = [field.parts[i].tolist()[0] for i in field.data]
            writer.add_key_value(name, value, kind, sub_type=sub)
        elif kind == GGUFValueType.STRING:
            writer.add_key_value(name, text(field, field.data[0]), kind)
        else:
            writer.add_key_value(name, field.parts[field.data[0]].tolist()[0], kind)
    for tensor in reader.tensors:
        data = dequantize(tensor.data, tensor.tensor_type).astype(np.float32)
        writer.add_tensor(tensor.name, data.reshape([int(x) for x in reversed(tensor.shape)]))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: gguf_to_f32.py IN.gguf OUT.gguf")
    convert(sys.argv[1], sys.argv[2])
