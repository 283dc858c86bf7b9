package io.docextract.model;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a model with several LoRA adapters. java-llama.cpp 4.2.0 keeps its command-line parameters
 * in a map, so a second {@code addLoraAdapter} replaces the first; llama.cpp itself takes {@code
 * --lora} once per adapter. This builds the argument list the binding would, adds one {@code --lora
 * FILE} per adapter, and hands it to the binding's own native loader — the same call its
 * constructor makes, on an instance allocated without running that constructor.
 */
final class NativeLoad {

  private NativeLoad() {}

  static LlamaModel withAdapters(ModelParameters params, List<String> adapters) {
    List<String> args = new ArrayList<>(Arrays.asList(params.toArray()));
    for (String a : adapters) {
      args.add("--lora");
      args.add(a);
    }
    try {
      Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
      f.setAccessible(true);
      Object unsafe = f.get(null);
      LlamaModel model =
          (LlamaModel)
              unsafe
                  .getClass()
                  .getMethod("allocateInstance", Class.class)
                  .invoke(unsafe, LlamaModel.class);
      Method load = LlamaModel.class.getDeclaredMethod("loadModel", String[].class);
      load.setAccessible(true);
      load.invoke(model, (Object) args.toArray(new String[0]));
      return model;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(
          "cannot load " + adapters.size() + " adapters: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("java-llama.cpp's LlamaModel changed shape", e);
    }
  }
}
