using System.Runtime.CompilerServices;

// Structs passed to llama.cpp are blittable mirrors of llama.h; with runtime marshalling disabled `bool` is one byte
// as in C, and nothing is copied or converted behind our back.
[assembly: DisableRuntimeMarshalling]
