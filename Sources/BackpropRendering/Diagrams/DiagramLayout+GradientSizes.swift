import BackpropKit
// MARK: - The gradient sizes by layer

extension DiagramLayout {
    /// The largest |∂δ/∂w| and |∂o/∂f| of every layer on a logarithmic scale, from the output back to the
    /// first layer, as the handout's table lists them: the vanishing or exploding gradient made visible.
    ///
    /// The weight derivatives are a solid line with marks, the activation derivatives a dashed line, the grid
    /// thin and grey, so a black-and-white copy keeps them apart; a value of 0, which has no logarithm, is left out of its
    /// line. When the sizes change by orders of magnitude, a line under the plot names the trend.
    mutating func drawGradientSizes() {
        let summary = GradientSummary(backpropagation: backpropagation)
        let layers = Array(summary.layers.reversed())
        let series: [(values: [Double], color: DiagramColor, isDashed: Bool, marks: Bool)] = [
            (layers.map(\.largestWeightGradient), .ink, false, true),
            (layers.map(\.largestActivationDerivative), .backward, true, false),
        ]
        let positive = series.flatMap(\.values).filter { $0 > 0 && $0.isFinite }
        var lowest = Int(CMath.log10(positive.min() ?? 1).rounded(.down))
        var highest = Int(CMath.log10(positive.max() ?? 1).rounded(.up))
        if highest - lowest < 2 { (lowest, highest) = (lowest - 1, highest + 1) }
        let decades = Swift.max(highest - lowest, 1)
        let decadeHeight = Swift.min(Swift.max(Self.plotHeight / Double(decades), 0.35), 1.0)
        let height = decadeHeight * Double(decades)
        // At least 5 cm wide, so a shallow network's plot is not a sliver; 1.4 cm a layer up to 12 cm.
        let gaps = Double(Swift.max(layers.count - 1, 1))
        let pitch = Swift.min(Swift.max(1.4, Self.narrowestPlot / gaps), Self.plotWidth / gaps)
        let width = pitch * Double(Swift.max(layers.count - 1, 1))
        func x(_ index: Int) -> Double { Self.axisGap + pitch * Double(index) }
        func y(_ value: Double) -> Double { height - (CMath.log10(value) - Double(lowest)) * decadeHeight }

        // The axes and a grid line at each power of ten, drawn as lines between anchor points.
        let left = 0.0, right = width + 2 * Self.axisGap
        line("axis-x", DiagramPoint(x: left, y: height), DiagramPoint(x: right, y: height), color: .ink)
        line("axis-y", DiagramPoint(x: left, y: 0), DiagramPoint(x: left, y: height), color: .ink)
        let step = Swift.max(1, Int((metrics.lineHeight(DiagramText([], style: .value)) * 1.3 / decadeHeight).rounded(.up)))
        for exponent in Swift.stride(from: lowest, through: highest, by: step) {
            let level = height - Double(exponent - lowest) * decadeHeight
            if exponent != lowest { line("grid\(exponent)", DiagramPoint(x: left, y: level), DiagramPoint(x: right, y: level), color: .muted) }
            let tick = DiagramText([.math(.power(10, .constant(Double(exponent))))], style: .value, color: .muted)
            canvas.add(DiagramLabel(tick, at: DiagramPoint(x: left - 0.12 - metrics.width(tick) / 2, y: level)))
        }
        let labelWidth = layers.map { metrics.width(DiagramText([.layer(notation.layerLabel($0.layer))], style: .value)) }.max() ?? 0
        let every = Swift.max(1, Int(((labelWidth + 0.25) / pitch).rounded(.up)))
        for (index, layer) in layers.enumerated() where index % every == 0 || index == layers.count - 1 && index % every > every / 2 {
            let tick = DiagramText([.layer(notation.layerLabel(layer.layer))], style: .value, color: .muted)
            canvas.add(DiagramLabel(tick, at: DiagramPoint(x: x(index), y: height + 0.3)))
        }
        let axisTitle = DiagramText([.words("layer, from the output back to the first")], style: .note, color: .muted)
        canvas.add(DiagramLabel(axisTitle, at: DiagramPoint(x: right / 2, y: height + 0.75)))

        // The two lines, through the values that have a logarithm.
        for (number, line) in series.enumerated() {
            var previous: DiagramNode?
            for (index, value) in line.values.enumerated() {
                guard value > 0, value.isFinite else {
                    previous = nil
                    continue
                }
                let size = line.marks ? Self.markSize : 0.02
                let node = DiagramNode(id: "s\(number)p\(index)", role: .plotPoint, layer: layers[index].layer, neuron: nil,
                                       frame: DiagramRect(center: DiagramPoint(x: x(index), y: y(value)), width: size, height: size),
                                       outline: line.marks ? .solid : .none, outlineColor: line.color, dividers: [], labels: [])
                canvas.add(node)
                if let previous { canvas.add(Self.segment(from: previous, to: node, color: line.color, isDashed: line.isDashed)) }
                previous = node
            }
        }

        // The key, and the trend when the sizes change by orders of magnitude.
        var key: [(DiagramColor, Bool, DiagramText)] = [
            (.ink, false, DiagramText([.words("largest "), .math(.apply(.abs, .partial(.loss, .generic(.weight(layer: 0, from: 0, to: 0)))))], style: .note)),
            (.backward, true, DiagramText([.words("largest "), .math(.apply(.abs, .partial(.generic(.activation(layer: 1, neuron: 0)), .generic(.preactivation(layer: 1, neuron: 0)))))], style: .note)),
        ]
        if summary.isRemarkable, let orders = summary.ordersOfMagnitude, let first = summary.layers.first {
            let words = orders < 0 ? "vanishing: the weight derivatives shrink by about " : "exploding: the weight derivatives grow by about "
            key.append((.ink, false, DiagramText([.words(words + "\(Int(Swift.abs(orders).rounded())) orders of magnitude from layer "),
                                                  .layer(notation.layerLabel(depth)), .words(" to layer "), .layer(notation.layerLabel(first.layer))], style: .note)))
        }
        if series.contains(where: { $0.values.contains(0) }) {
            key.append((.ink, false, DiagramText([.words("A size of 0, as under a relu that is off, has no logarithm and is left out.")], style: .note)))
        }
        var top = height + 1.25
        for (index, entry) in key.enumerated() {
            let lineHeight = metrics.lineHeight(entry.2)
            let middle = top + lineHeight / 2
            if index < 2 {
                line("key\(index)", DiagramPoint(x: 0.2, y: middle), DiagramPoint(x: 0.9, y: middle), color: entry.0, isDashed: entry.1)
            }
            canvas.add(DiagramLabel(entry.2, at: DiagramPoint(x: index < 2 ? 1.1 : 0.2, y: middle), anchor: .leading))
            top += lineHeight + 0.05
        }
    }

    /// A plain line from `start` to `end`, between two anchor points of no size; the loss plot draws with it too.
    mutating func line(_ id: String, _ start: DiagramPoint, _ end: DiagramPoint, color: DiagramColor, isDashed: Bool = false) {
        let from = Self.anchor(id + "a", at: start), to = Self.anchor(id + "b", at: end)
        canvas.add(from)
        canvas.add(to)
        canvas.add(DiagramEdge(from: from.id, to: to.id, start: start, end: end, color: color, isDashed: isDashed, hasArrow: false))
    }

    static func anchor(_ id: String, at point: DiagramPoint) -> DiagramNode {
        DiagramNode(id: id, role: .plotPoint, layer: nil, neuron: nil, frame: DiagramRect(center: point, width: 0, height: 0),
                    outline: .none, outlineColor: .muted, dividers: [], labels: [])
    }

    /// The segment of a plotted line between two points, from frame to frame.
    static func segment(from first: DiagramNode, to second: DiagramNode, color: DiagramColor, isDashed: Bool) -> DiagramEdge {
        let start = first.frame.center, end = second.frame.center
        return DiagramEdge(from: first.id, to: second.id, start: exit(from: first.frame, toward: end), end: exit(from: second.frame, toward: start),
                           color: color, isDashed: isDashed, hasArrow: false)
    }

    /// Where the line from the centre of `frame` toward `target` leaves the frame.
    private static func exit(from frame: DiagramRect, toward target: DiagramPoint) -> DiagramPoint {
        let center = frame.center
        let dx = target.x - center.x, dy = target.y - center.y
        guard dx != 0 || dy != 0 else { return center }
        let scale = Swift.min(dx == 0 ? .infinity : frame.width / 2 / Swift.abs(dx), dy == 0 ? .infinity : frame.height / 2 / Swift.abs(dy))
        return DiagramPoint(x: center.x + dx * scale, y: center.y + dy * scale)
    }

    /// The plot's size without its labels, in centimetres, and the room between the axes and the first and last layer.
    private static var plotHeight: Double { 5 }
    private static var plotWidth: Double { 12 }
    private static var narrowestPlot: Double { 5 }
    private static var axisGap: Double { 0.4 }
    /// The side of a square mark on the weight derivatives' line.
    private static var markSize: Double { 0.14 }
}
