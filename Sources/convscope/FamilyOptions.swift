import ArgumentParser
import ConvCore
import ConvScopeApp

/// `render`'s flags for the convolution family beside Conv2d: 1-D and 3-D inputs, a
/// ConvTranspose2d's two explanations, the true (flipped-kernel) convolution, causal stacks.
struct FamilyOptions: ParsableArguments {
    @Option(name: .customLong("input-shape"), parsing: .unconditional,
            help: "The input of a 1-D or 3-D stack: 1,C,L or 1,C,D,H,W (the course notebook's ramp along the last axis).")
    var inputShape: String?

    @Option(name: .customLong("view"), parsing: .unconditional,
            help: "Explain one --layer \"ConvTranspose2d(...)\": direct (the equivalent direct convolution) or scatter (each input cell stamping the kernel).")
    var view: TransposedView?

    @Option(name: .customLong("node"), parsing: .unconditional,
            help: "With --view in a stack: the ConvTranspose2d to explain, by its name in the table (its position for --layer, print(model)'s label for --model); default the first.")
    var node: String?

    @Flag(name: .customLong("flip"), help: "The true convolution: the single layer's kernel flipped, beside PyTorch's cross-correlation; with --layer or --model, every Conv2d's kernel (--kernel PRESET) flipped, values as json.")
    var flip = false

    @Flag(name: .customLong("causal"), help: "Pad each Conv1d on the left by dilation·(k − 1) (F.pad, as WaveNet/TCN) and light up what the last output reads.")
    var causal = false

    /// True when render should take the family's path: any of these flags, or a 1-D/3-D layer.
    func isActive(_ stack: StackOptions) -> Bool {
        view != nil || flip || causal || inputShape != nil || stack.layer.contains(where: FamilyLayerParser.names)
    }

    /// The --input-shape numbers: 1,C,L or 1,C,D,H,W.
    func shape() throws -> [Int]? {
        guard let inputShape else { return nil }
        let numbers = inputShape.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        let allowed = "allowed 1,C,L (a sequence) or 1,C,D,H,W (a volume) with C in \(StackLimits.channels.lowerBound)…"
            + "\(StackLimits.channels.upperBound) and sizes in 1…\(Self.sizeLimit)"
        guard [3, 5].contains(numbers.count), numbers.allSatisfy({ $0 != nil }), numbers[0] == 1,
              StackLimits.channels.contains(numbers[1]!), numbers.dropFirst(2).allSatisfy({ (1...Self.sizeLimit).contains($0!) })
        else { throw ValidationError("--input-shape \(inputShape) is not an input shape: \(allowed).") }
        let shape = numbers.map { $0! }
        guard shape.reduce(1, *) <= Self.valueLimit else {
            throw ValidationError("--input-shape \(inputShape) holds more than the \(Self.valueLimit) values convscope computes and prints.")
        }
        return shape
    }

    /// The longest side of a 1-D or 3-D input.
    static let sizeLimit = 4096
    /// The most values a 1-D or 3-D input may hold.
    static let valueLimit = 1 << 22
}

extension TransposedView: ExpressibleByArgument {}
