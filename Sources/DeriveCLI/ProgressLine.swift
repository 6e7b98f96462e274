import BackpropKit
import BackpropRendering

/// A single updating line on standard error while a long handout is written: the part of the derivation
/// reached (forward or backward pass, layer k of N), the bytes written and the rate, erased at the end.
///
/// It appears only when standard error is a terminal and the writing has taken longer than ``delay``, so
/// scripts, pipes and tests see no change.
final class ProgressLine {
    /// The line of this run, set by `main` when standard error is a terminal; `nil` otherwise.
    nonisolated(unsafe) static var current: ProgressLine?

    /// How long writing runs before the line appears, in seconds: one second, or `DERIVE_PROGRESS_DELAY`
    /// (0 shows every update, for tests).
    let delay: Double
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastShown: ContinuousClock.Instant?
    private var bytes = 0
    private var bytesAtLastCheck = 0
    private var stage = ""

    /// The fewest seconds between two updates of the line: a tenth of a second, or less when the delay is.
    private var interval: Double { min(0.1, delay) }

    /// A line for a run starting now.
    init(delay: Double) {
        self.delay = delay
        start = clock.now
    }

    /// Writes `file` to `output`, keeping the line up to date as it goes.
    static func write(_ file: HandoutFile, to output: inout some TextOutputStream) {
        guard let line = current else {
            file.write(to: &output)
            return
        }
        var counted = CountedStream(base: output, line: line)
        file.observingSections { line.reached($0, depth: $1) }.write(to: &counted)
        output = counted.base
        line.finish()
    }

    /// Notes the part of the derivation the writing has reached, in a network `depth` layers deep.
    private func reached(_ kind: Section.Kind, depth: Int) {
        stage = Self.describe(kind, depth: depth)
        update()
    }

    /// Notes `count` more bytes written.
    fileprivate func wrote(_ count: Int) {
        bytes += count
        if bytes - bytesAtLastCheck >= 1 << 20 {
            bytesAtLastCheck = bytes
            update()
        }
    }

    private func update() {
        let now = clock.now
        let elapsed = Self.seconds(now - start)
        guard elapsed >= delay else { return }
        if let lastShown, Self.seconds(now - lastShown) < interval { return }
        lastShown = now
        let megabytes = Double(bytes) / 1_000_000
        let rate = elapsed > 0 ? megabytes / elapsed : 0
        let parts = [stage, Platform.formatted(megabytes, "%.1f") + " MB", Platform.formatted(rate, "%.1f") + " MB/s"].filter { !$0.isEmpty }
        Platform.writeError("\r\u{1B}[Kderive: " + parts.joined(separator: " · "))
    }

    /// Erases the line, if it was shown.
    private func finish() {
        if lastShown != nil { Platform.writeError("\r\u{1B}[K") }
        lastShown = nil
    }

    private static func describe(_ kind: Section.Kind, depth: Int) -> String {
        switch kind {
        case .forwardPass(let k): return "forward pass, layer \(k) of \(depth)"
        case .calculate(let k), .furtherCalculate(let k), .weightDerivatives(let k), .propagated(let k):
            return "backward pass, layer \(k) of \(depth)"
        case .update(let k): return "update, layer \(k) of \(depth)"
        case .updatedForwardPass(let k): return "second forward pass, layer \(k) of \(depth)"
        case .given, .loss, .errorDerivatives, .updatedLoss: return "loss"
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// A stream that passes everything to `base` and tells a ``ProgressLine`` how many bytes went by.
private struct CountedStream<Base: TextOutputStream>: TextOutputStream {
    var base: Base
    let line: ProgressLine

    mutating func write(_ string: String) {
        line.wrote(string.utf8.count)
        base.write(string)
    }
}
