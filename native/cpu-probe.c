/*
 * docextract's AMX probe (libdocextract-cpuprobe.so): asks the Linux kernel for the AMX tile data
 * state the way ggml-cpu's AMX code does at init (ggml/src/ggml-cpu/amx/amx.cpp, ggml_amx_init),
 * then reads the permission back. Loaded by io.docextract.model.NativeLibrary before it picks a
 * build of libjllama.so, so the AMX build is extracted only where the tile instructions will run.
 * The permission is per process and the request idempotent: ggml's own request then succeeds too.
 * Compiled without any instruction-set flag, so it loads on every x86-64 Linux.
 */
#include <jni.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ARCH_GET_XCOMP_PERM 0x1022
#define ARCH_REQ_XCOMP_PERM 0x1023
#define XFEATURE_XTILEDATA 18

JNIEXPORT jboolean JNICALL Java_io_docextract_model_NativeLibrary_requestAmxTileState(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  if (syscall(SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA) != 0) {
    return JNI_FALSE;
  }
  unsigned long permitted = 0;
  if (syscall(SYS_arch_prctl, ARCH_GET_XCOMP_PERM, &permitted) != 0) {
    return JNI_FALSE;
  }
  return (permitted & (1UL << XFEATURE_XTILEDATA)) ? JNI_TRUE : JNI_FALSE;
}
