/// A rectangle of Unicode text with a baseline, for setting matrices side by side in plain text:
/// blocks placed next to each other line up on their baselines, where the operators go.
struct TextBlock: Equatable {
    /// The lines, each ``width`` characters wide.
    private(set) var lines: [String]
    /// The line operators and single-line neighbours sit on.
    private(set) var baseline: Int
    /// The width in characters.
    private(set) var width: Int

    /// A block of one line.
    init(_ text: String) {
        self.init(lines: [text], baseline: 0)
    }

    /// A block of `lines`, padded to the widest, with its baseline at `baseline`.
    init(lines: [String], baseline: Int) {
        let width = lines.map(\.count).max() ?? 0
        self.lines = lines.map { $0 + String(repeating: " ", count: width - $0.count) }
        self.baseline = Swift.min(Swift.max(baseline, 0), Swift.max(lines.count - 1, 0))
        self.width = width
    }

    /// The number of lines.
    var height: Int { lines.count }

    /// This block followed by `other`, their baselines level.
    func followed(by other: TextBlock) -> TextBlock {
        let above = Swift.max(baseline, other.baseline)
        let below = Swift.max(height - baseline, other.height - other.baseline)
        let left = padded(above: above, below: below), right = other.padded(above: above, below: below)
        return TextBlock(lines: zip(left, right).map { $0 + $1 }, baseline: above)
    }

    /// The block between parentheses as tall as it: ( ) for one line, ⎛ ⎜ ⎝ and ⎞ ⎟ ⎠ for more.
    var parenthesized: TextBlock {
        guard height > 1 else { return TextBlock(lines: ["(" + (lines.first ?? "") + ")"], baseline: 0) }
        let wrapped = lines.enumerated().map { index, line in
            switch index {
            case 0: return "⎛" + line + "⎞"
            case height - 1: return "⎝" + line + "⎠"
            default: return "⎜" + line + "⎟"
            }
        }
        return TextBlock(lines: wrapped, baseline: baseline)
    }

    /// The block with `mark` (such as ᵀ) after its first line.
    func marked(_ mark: String) -> TextBlock {
        TextBlock(lines: lines.enumerated().map { index, line in index == 0 ? line + mark : line }, baseline: baseline)
    }

    /// The lines with blank lines added so `above` lines precede the baseline and `below` start at it.
    private func padded(above: Int, below: Int) -> [String] {
        let blank = String(repeating: " ", count: width)
        return Array(repeating: blank, count: above - baseline) + lines
            + Array(repeating: blank, count: below - (height - baseline))
    }
}
