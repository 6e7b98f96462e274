/// SplitMix64: a small, fast, seedable generator, so a seed names the same network on every machine.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value drawn uniformly from `range` in steps of 0.01, so it prints with two decimals.
    package mutating func hundredths(in range: ClosedRange<Int>) -> Double {
        Double(Int.random(in: (range.lowerBound * 100)...(range.upperBound * 100), using: &self)) / 100
    }
}
