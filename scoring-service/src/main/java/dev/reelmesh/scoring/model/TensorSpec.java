package dev.reelmesh.scoring.model;

import java.util.List;

/** A model input or output as its own metadata describes it; -1 marks a dynamic dimension. */
public record TensorSpec(String name, String elementType, List<Long> shape) {
  public int rank() {
    return shape.size();
  }

  public long dim(int i) {
    return shape.get(i);
  }

  @Override
  public String toString() {
    return name + ":" + elementType + shape;
  }
}
