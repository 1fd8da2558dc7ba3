// libFuzzer's documented entry for programs that own `main` (compiler-rt, FuzzerInterface.h, LLVM 11+):
// it parses libFuzzer's flags from argc/argv and runs UserCb on each input. The symbol comes from
// libclang_rt.fuzzer, linked by `-sanitize=fuzzer`; this header only declares it for Swift.
#ifndef PULLDOCTOR_FUZZ_DRIVER_H
#define PULLDOCTOR_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
