import BackpropKit
/// Estimates of how much room a ``DiagramText`` takes, in centimetres, so boxes fit their texts and labels
/// do not overlap. Widths are measured on the Unicode form, which is never narrower than the LaTeX one.
struct DiagramMetrics {
    /// Prints texts as Unicode for measuring.
    let printer: DiagramTextPrinter<UnicodeMath>
    /// The widths measured so far, shared by the copies a layout tries placements with.
    private let measured = MeasuredWidths()

    /// Metrics for the texts of a diagram in `notation` and `numbers`.
    init(notation: any Notation, numbers: NumberFormat) {
        printer = DiagramTextPrinter(UnicodeMath(), notation: notation, numbers: numbers)
    }

    /// Centimetres per point.
    static let centimetresPerPoint = 2.54 / 72.27

    /// The estimated width of `text`, measured once: a layout asks again for every place it tries.
    func width(_ text: DiagramText) -> Double {
        let hash = text.hashValue
        if let width = measured.width(of: text, hash: hash) { return width }
        let ems = printer.string(text).unicodeScalars.reduce(0.0) { $0 + Self.ems($1) }
        let width = ems * text.pointSize * Self.centimetresPerPoint
        measured.add(text, hash: hash, width: width)
        return width
    }

    /// The height of a line of `text`, with its leading; half as much again for a fraction, which LaTeX sets taller.
    func lineHeight(_ text: DiagramText) -> Double {
        let tall = text.pieces.contains { piece in
            if case .math(let expression) = piece { return expression.containsFraction }
            return false
        }
        return text.pointSize * (tall ? 2.1 : 1.4) * Self.centimetresPerPoint
    }

    /// The rectangle `label` covers, grown by `padding` on every side.
    func outline(of label: DiagramLabel, padding: Double = 0) -> DiagramQuad {
        let width = width(label.text) + 2 * padding, height = lineHeight(label.text) + 2 * padding
        let shift: Double
        switch label.anchor {
        case .center: shift = 0
        case .leading: shift = width / 2
        }
        return DiagramQuad(center: DiagramPoint(x: label.position.x + shift, y: label.position.y), width: width, height: height, degrees: 0)
    }

    /// The width of one character in ems, generous for common serif fonts: DejaVu Serif, the widest of those an
    /// SVG names, and Latin Modern, which LaTeX sets.
    private static func ems(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x20: return 0.32
        case 0x2C, 0x2E, 0x3A, 0x3B: return 0.32 // , . : ;
        case 0x2080...0x209C, 0x1D62...0x1D6A, 0x2070...0x207F, 0xB2, 0xB3, 0xB9: return 0.46 // sub- and superscripts
        case 0x2212, 0x3D, 0x2B, 0xD7, 0x22C5, 0xB7: return 0.84 // − = + × ⋅ ·
        case 0x30...0x39: return 0.64 // digits
        case 0x2202: return 0.56 // ∂
        case 0x2026, 0x22EF: return 1.0 // … ⋯
        case 0x300...0x36F: return 0 // combining marks: the bar of an adjoint, the dot of a tangent
        default: return 0.62
        }
    }
}

/// The widths a ``DiagramMetrics`` has measured, by text: a reference, so every copy of a layout shares them.
///
/// Kept by the texts' hash values, with the texts to tell apart those that share one, rather than in a
/// dictionary keyed by text: the first dictionary of a new key type costs the runtime a scan of every
/// protocol conformance in the binary, more than the measuring it saves in a small picture.
final class MeasuredWidths {
    private var buckets: [Int: [(text: DiagramText, width: Double)]] = [:]

    /// The width of `text`, whose hash value is `hash`, if measured.
    func width(of text: DiagramText, hash: Int) -> Double? {
        buckets[hash]?.first { $0.text == text }?.width
    }

    /// Records `width` as the width of `text`, whose hash value is `hash`.
    func add(_ text: DiagramText, hash: Int, width: Double) {
        buckets[hash, default: []].append((text, width))
    }
}
