"""Small ONNX models with the input/output layout of OpenCV Zoo's YuNet and SFace,
built with ``onnx.helper`` at test time, to drive ``OpenCvVerifier`` through real
``cv2.FaceDetectorYN`` / ``cv2.FaceRecognizerSF`` calls (the flow, not accuracy).

Detector: input ``input`` 1×3×H×W; outputs ``cls_{8,16,32}``, ``obj_*`` (1×N×1),
``bbox_*`` (1×N×4), ``kps_*`` (1×N×10), N = (H/s)·(W/s), which is what OpenCV's
``FaceDetectorYN`` decodes. It "finds a face" in every 32×32 grid cell whose mean
intensity is near white, with a 96×96 box and five landmarks inside it.

Recognizer: input ``data`` 1×3×112×112 -> ``fc1`` 1×128: (pixels - 128), 14×14
average pooling, a fixed random projection of all but the middle cells. Same crop,
same vector; different textures, nearly orthogonal vectors.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

CELL = 32
# Landmarks in grid units from the firing cell's top-left corner: right eye, left
# eye (the person's), nose tip, right and left mouth corners.
KPS = (-0.05, 0.2, 1.05, 0.2, 0.5, 0.6, 0.1, 1.1, 0.9, 1.1)


def _save(graph: onnx.GraphProto, path: Path) -> Path:
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


def yunet_like(path: Path) -> Path:
    nodes, inits, outputs = [], [], []
    for kind, channels in (("cls", 1), ("obj", 1), ("bbox", 4), ("kps", 10)):
        for stride in (8, 16, 32):
            name = f"{kind}_{stride}"
            weight = np.zeros((channels, 3, stride, stride), np.float32)
            bias = np.zeros(channels, np.float32)
            if kind == "cls" and stride == CELL:  # logit = 0.1·(mean intensity − 200)
                weight[:] = 0.1 / (3 * stride * stride)
                bias[:] = -20.0
            elif kind == "cls":
                bias[:] = -30.0  # never fires at strides 8 and 16
            elif kind == "obj":
                bias[:] = 10.0
            elif kind == "bbox":  # centred on the cell, 3 cells wide and high
                bias[:] = (0.5, 0.5, np.log(3.0), np.log(3.0))
            else:
                bias[:] = KPS
            inits += [numpy_helper.from_array(weight, f"{name}_w")]
            inits += [numpy_helper.from_array(bias, f"{name}_b")]
            inits += [numpy_helper.from_array(np.array([1, channels, -1], np.int64), f"{name}_s")]
            conv = f"{name}_conv"
            nodes.append(
                helper.make_node(
                    "Conv",
                    ["input", f"{name}_w", f"{name}_b"],
                    [conv],
                    kernel_shape=[stride, stride],
                    strides=[stride, stride],
                )
            )
            if kind in ("cls", "obj"):
                nodes.append(helper.make_node("Sigmoid", [conv], [f"{name}_sig"]))
                conv = f"{name}_sig"
            nodes.append(helper.make_node("Reshape", [conv, f"{name}_s"], [f"{name}_flat"]))
            nodes.append(helper.make_node("Transpose", [f"{name}_flat"], [name], perm=[0, 2, 1]))
            outputs.append(
                helper.make_tensor_value_info(name, TensorProto.FLOAT, [1, None, channels])
            )
    image = helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, "H", "W"])
    return _save(helper.make_graph(nodes, "yunet_like", [image], outputs, inits), path)


def sface_like(path: Path, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    weight = rng.standard_normal((3, 8, 8, 128)).astype(np.float32)
    weight[:, 2:6, 2:6] = 0  # ignore the middle (the white cell all "faces" share)
    inits = [
        numpy_helper.from_array(np.array(128.0, np.float32), "mid"),
        numpy_helper.from_array(weight.reshape(192, 128), "w"),
        numpy_helper.from_array(np.zeros(128, np.float32), "b"),
    ]
    nodes = [
        helper.make_node("Sub", ["data", "mid"], ["centred"]),
        helper.make_node(
            "AveragePool", ["centred"], ["pooled"], kernel_shape=[14, 14], strides=[14, 14]
        ),
        helper.make_node("Flatten", ["pooled"], ["flat"], axis=1),
        helper.make_node("Gemm", ["flat", "w", "b"], ["fc1"]),
    ]
    data = helper.make_tensor_value_info("data", TensorProto.FLOAT, [1, 3, 112, 112])
    fc1 = helper.make_tensor_value_info("fc1", TensorProto.FLOAT, [1, 128])
    return _save(helper.make_graph(nodes, "sface_like", [data], [fc1], inits), path)


def head(seed: int, size: int = 96) -> np.ndarray:
    """A "person" for the generated detector: a textured square with a white grid cell
    in the middle (the detector fires on it); ``seed`` decides who it is."""
    rng = np.random.default_rng(seed)
    coarse = rng.integers(48, 208, (size // 8, size // 8, 3), dtype=np.uint8)
    patch = np.kron(coarse, np.ones((8, 8, 1), np.uint8))
    mid = (size - CELL) // 2
    patch[mid : mid + CELL, mid : mid + CELL] = 255
    return patch


def place(patch: np.ndarray, shape: tuple[int, int], cell: tuple[int, int]) -> np.ndarray:
    """A grey image of ``shape`` (rows, cols) with ``patch`` whose white centre lands
    on grid cell ``cell`` (column, row)."""
    image = np.full((*shape, 3), 128, np.uint8)
    size = patch.shape[0]
    mid = (size - CELL) // 2
    x0, y0 = cell[0] * CELL - mid, cell[1] * CELL - mid
    image[y0 : y0 + size, x0 : x0 + size] = patch
    return image
