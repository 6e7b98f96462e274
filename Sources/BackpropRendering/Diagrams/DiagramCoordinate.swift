/// Coordinates written the same way by every diagram writer: rounded to hundredths, with no
/// trailing zeros and no negative zero, so golden files are stable across platforms.
enum DiagramCoordinate {
    /// `value` rounded to two decimals: `1.5`, `-0.25`, `3`.
    static func string(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        guard hundredths != 0 else { return "0" }
        let magnitude = Swift.abs(hundredths)
        var text = (hundredths < 0 ? "-" : "") + String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }
}
