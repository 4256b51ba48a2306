import CConvKernels

/// The instruction set the general path's inner loop uses on this machine.
public enum InstructionSet {
    /// "avx512", "avx2" or "generic" (SSE2 on x86-64, the vector unit elsewhere).
    public static var name: String { String(cString: convscope_kernel_isa()) }
}
