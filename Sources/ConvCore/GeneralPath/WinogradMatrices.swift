/// The integer-scaled Toom-Cook matrices of F(m, r): m outputs of a correlation with an r-tap
/// kernel row from n = m + r − 1 inputs with n multiplications instead of m·r.
///
/// Built from n − 1 integer points (0, 1, −1, 2, −2, …) and the point at infinity, in exact integer
/// arithmetic. With f_p = Π_{j≠p}(a_p − a_j) and D the least common multiple of the |f_p|:
///   U'_p = Σ_k g_k · a_p^k                          (`kernel`, n × r)
///   V'_p = Σ_j N_p[j] · d_j, N_p = Π_{j≠p}(x − a_j)  (`input`, n × n: the Lagrange numerators)
///   D · y_q = Σ_p a_p^q · (D / f_p) · U'_p · V'_p      (`output`, m × n)
/// and y_q = Σ_k g_k · d_{q+k} exactly: every intermediate of integer data is an integer, and the
/// one division by D is exact. The infinity point reads the last kernel tap and multiplies
/// N_∞ = Π_j(x − a_j) by D for the last output.
struct WinogradMatrices: Equatable {
    let outputs: Int, taps: Int
    /// B'ᵀ, row-major n × n: row p transforms n inputs into point p's value.
    let input: [Int]
    /// G', row-major n × r: row p evaluates the kernel row at point p.
    let kernel: [Int]
    /// A'ᵀ, row-major m × n, with the Lagrange denominators folded in (D / f_p).
    let output: [Int]
    /// D: the output transform gives D times the outputs.
    let denominator: Int

    /// Transform points, n = m + r − 1.
    var points: Int { outputs + taps - 1 }

    /// F(`outputs`, `taps`) for 1 ≤ outputs and 2 ≤ taps, n ≤ 9 (coefficients stay far inside Int).
    init(outputs m: Int, taps r: Int) {
        precondition(m >= 1 && r >= 2 && m + r - 1 <= 9)
        outputs = m; taps = r
        let n = m + r - 1
        let finite = Self.finitePoints(n - 1)
        let denominators = finite.indices.map { p in
            finite.indices.reduce(1) { $1 == p ? $0 : $0 * (finite[p] - finite[$1]) }
        }
        denominator = denominators.reduce(1) { lcm($0, abs($1)) }
        var input = [Int](repeating: 0, count: n * n)
        var kernel = [Int](repeating: 0, count: n * r)
        var output = [Int](repeating: 0, count: m * n)
        for p in 0..<n {
            let isInfinity = p == n - 1
            let roots = isInfinity ? finite : finite.enumerated().filter { $0.offset != p }.map(\.element)
            for (j, c) in Self.coefficients(ofProductWithRoots: roots).enumerated() { input[p * n + j] = c }
            for k in 0..<r { kernel[p * r + k] = isInfinity ? (k == r - 1 ? 1 : 0) : power(finite[p], k) }
            for q in 0..<m {
                output[q * n + p] = isInfinity
                    ? (q == m - 1 ? denominator : 0) : power(finite[p], q) * (denominator / denominators[p])
            }
        }
        self.input = input; self.kernel = kernel; self.output = output
    }

    /// 0, 1, −1, 2, −2, …: the first `count` of them (small points keep the coefficients small).
    static func finitePoints(_ count: Int) -> [Int] {
        (0..<count).map { i in i == 0 ? 0 : (i % 2 == 1 ? (i + 1) / 2 : -(i / 2)) }
    }

    /// Coefficients of Π(x − root), lowest power first.
    static func coefficients(ofProductWithRoots roots: [Int]) -> [Int] {
        var c = [1]
        for root in roots {
            var next = [Int](repeating: 0, count: c.count + 1)
            for (i, v) in c.enumerated() {
                next[i + 1] += v
                next[i] -= root * v
            }
            c = next
        }
        return c
    }

    /// Σ_j |B'ᵀ[p][j]|: how much larger than the largest input a transformed input can be.
    func inputGrowth(point p: Int) -> Int { (0..<points).reduce(0) { $0 + abs(input[p * points + $1]) } }
}

private func power(_ base: Int, _ exponent: Int) -> Int { (0..<exponent).reduce(1) { acc, _ in acc * base } }

private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

private func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }
