import ArgumentParser
import ConvCore
import Foundation

/// Reads `--input` and `--kernel` files from disk with one-line errors (which file, what is
/// wrong, what is accepted); sizes are bounded before a file is read whole.
enum InputFileLoader {
    /// The most bytes an input file may have: 64 channels of 1024×1024 float64 values, or as
    /// CSV text up to 24 characters per value, plus room for a header.
    static let inputLimit = Conv2dLimits.maxChannels * Conv2dLimits.maxHeight * Conv2dLimits.maxWidth * 24 + (1 << 16)
    /// A kernel file: 64×64 filters of 32×32 float64 values plus a header.
    static let kernelLimit = Conv2dLimits.maxChannels * Conv2dLimits.maxChannels * 32 * 32 * 8 + (1 << 16)

    /// The input tensor a file holds; throws a `ValidationError` with the file's one-line problem.
    static func input(_ path: String) throws -> Tensor4 {
        let limit = InputFileFormat(fileName: path) == .csv ? inputLimit : inputLimit / 3
        let bytes = try read(path, flag: "--input", limit: limit)
        do {
            return try InputFile.load(bytes: bytes, name: path)
        } catch {
            throw ValidationError("--input " + error.message)
        }
    }

    /// The kernel file's weights; throws a `ValidationError` with the file's one-line problem.
    static func kernel(_ path: String) throws -> KernelFile {
        let bytes = try read(path, flag: "--kernel", limit: kernelLimit)
        do {
            return try KernelFile(bytes: bytes, name: path)
        } catch {
            throw ValidationError("--kernel " + error.message)
        }
    }

    private static func read(_ path: String, flag: String, limit: Int) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ValidationError("\(flag) \(path): cannot be read (\(lastError())); allowed: an existing file")
        }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw ValidationError("\(flag) \(path): is a directory; allowed: a file")
        }
        do {
            return [UInt8](try BoundedRead.bytes(atPath: path, limit: limit))
        } catch .tooLarge {
            throw ValidationError("\(flag) \(path): the file is larger than any accepted input "
                + "(\(limit >> 20) MiB); at most 64 channels of 1024×1024")
        } catch {
            throw ValidationError("\(flag) \(path): cannot be read; allowed: a readable file")
        }
    }
}
