import BackpropKit

// MARK: - The loss per gradient-descent step

extension DiagramLayout {
    /// The loss δ before the first gradient-descent step and after each step, on a linear scale: a line with a
    /// mark on every step, the grid thin and grey at round values, so the decrease is plain on a black-and-white copy.
    /// - Parameter losses: δ before the first step, then after each step.
    mutating func drawLossPerStep(_ losses: [Double]) {
        let finite = losses.filter(\.isFinite)
        var (lowest, highest) = (finite.min() ?? 0, finite.max() ?? 1)
        if highest - lowest < Swift.max(Swift.abs(highest), 1e-12) * 1e-9 { (lowest, highest) = (lowest - 0.5 * Swift.max(Swift.abs(lowest), 1e-3), highest + 0.5 * Swift.max(Swift.abs(highest), 1e-3)) }
        let tick = Self.roundStep((highest - lowest) / 4)
        let (bottom, top) = ((lowest / tick).rounded(.down) * tick, (highest / tick).rounded(.up) * tick)
        let height = Self.lossPlotHeight
        let gaps = Double(Swift.max(losses.count - 1, 1))
        let width = Swift.min(Swift.max(Self.lossPlotNarrowest, 0.6 * gaps), Self.lossPlotWidest)
        let pitch = width / gaps
        func x(_ step: Int) -> Double { Self.lossAxisGap + pitch * Double(step) }
        func y(_ value: Double) -> Double { height - (value - bottom) / (top - bottom) * height }

        let left = 0.0, right = width + 2 * Self.lossAxisGap
        line("axis-x", DiagramPoint(x: left, y: height), DiagramPoint(x: right, y: height), color: .ink)
        line("axis-y", DiagramPoint(x: left, y: 0), DiagramPoint(x: left, y: height), color: .ink)
        let levels = Int(((top - bottom) / tick).rounded())
        let labelEvery = Swift.max(1, Int((metrics.lineHeight(DiagramText([], style: .value)) * 1.3 / (height / Double(Swift.max(levels, 1)))).rounded(.up)))
        for index in Swift.stride(from: 0, through: levels, by: labelEvery) {
            let value = bottom + Double(index) * tick
            let level = y(value)
            if index > 0 { line("grid\(index)", DiagramPoint(x: left, y: level), DiagramPoint(x: right, y: level), color: .muted) }
            // A tick is a round number, written without padding zeros: 0.15, 0.16, 0.17.
            let label = DiagramText([.words(Self.tickFormat.string(value))], style: .value, color: .muted)
            canvas.add(DiagramLabel(label, at: DiagramPoint(x: left - 0.12 - metrics.width(label) / 2, y: level)))
        }
        let labelWidth = metrics.width(DiagramText([.words(String(losses.count - 1))], style: .value))
        let every = Self.roundCount((labelWidth + 0.3) / pitch)
        for step in losses.indices where step % every == 0 {
            let label = DiagramText([.words(String(step))], style: .value, color: .muted)
            canvas.add(DiagramLabel(label, at: DiagramPoint(x: x(step), y: height + 0.3)))
        }
        let axisTitle = DiagramText([.words("gradient-descent steps taken")], style: .note, color: .muted)
        canvas.add(DiagramLabel(axisTitle, at: DiagramPoint(x: right / 2, y: height + 0.75)))

        var previous: DiagramNode?
        for (step, loss) in losses.enumerated() {
            guard loss.isFinite else {
                previous = nil
                continue
            }
            let node = DiagramNode(id: "loss\(step)", role: .plotPoint, layer: nil, neuron: nil,
                                   frame: DiagramRect(center: DiagramPoint(x: x(step), y: y(loss)), width: Self.lossMarkSize, height: Self.lossMarkSize),
                                   outline: .solid, outlineColor: .ink, dividers: [], labels: [])
            canvas.add(node)
            if let previous { canvas.add(Self.segment(from: previous, to: node, color: .ink, isDashed: false)) }
            previous = node
        }
        let key = DiagramText([.words("the loss "), .math(.of(.loss)), .words(" after each step, step 0 before the first")], style: .note)
        canvas.add(DiagramLabel(key, at: DiagramPoint(x: 0.2, y: height + 1.25 + metrics.lineHeight(key) / 2), anchor: .leading))
    }

    /// How a tick of the loss axis is written: six digits at most, without the zeros that pad a rounded value.
    private static let tickFormat = NumberFormat(significantDigits: 6, keepsTrailingZeros: false)

    /// 1, 2 or 5 times a power of ten, the smallest at least `size`: a grid step a reader can count in.
    static func roundStep(_ size: Double) -> Double {
        guard size > 0, size.isFinite else { return 1 }
        let power = CMath.pow(10, CMath.log10(size).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= size * (1 - 1e-9) } ?? 10 * power
    }

    /// 1, 2 or 5 times a power of ten, the smallest at least `count`: every how many steps a label stands.
    private static func roundCount(_ count: Double) -> Int {
        Swift.max(1, Int(roundStep(Swift.max(count, 1)).rounded()))
    }

    /// The plot's height and its narrowest and widest width without labels, in centimetres.
    private static var lossPlotHeight: Double { 4 }
    private static var lossPlotNarrowest: Double { 5 }
    private static var lossPlotWidest: Double { 12 }
    /// The room between the axes and the first and last step.
    private static var lossAxisGap: Double { 0.3 }
    /// The side of the square mark on each step.
    private static var lossMarkSize: Double { 0.12 }
}
