import BackpropKit
/// Places the nodes, edges and texts of one picture of a derivation. One file per ``DiagramKind`` extends it
/// with that picture; this file holds what they share: texts, boxes, edges and labels on edges.
struct DiagramLayout {
    /// The numbers drawn.
    let backpropagation: Backpropagation
    /// How symbols are named.
    let notation: any Notation
    /// How texts are measured.
    let metrics: DiagramMetrics
    /// What has been placed.
    var canvas: DiagramCanvas

    /// A layout of the pictures of `backpropagation`.
    init(backpropagation: Backpropagation, notation: any Notation, numbers: NumberFormat) {
        self.backpropagation = backpropagation
        self.notation = notation
        metrics = DiagramMetrics(notation: notation, numbers: numbers)
        canvas = DiagramCanvas(metrics: metrics)
    }

    /// The network drawn.
    var network: Network { backpropagation.network }
    /// N, the output layer.
    var depth: Int { network.depth }

    /// The neuron the one-node pictures follow: neuron 1 of the last hidden layer, or of the output layer
    /// when there is no hidden layer.
    var focus: (layer: Int, neuron: Int) { (depth > 1 ? depth - 1 : depth, 0) }

    // MARK: - Texts

    /// The name of `symbol` in a node.
    func name(_ symbol: Symbol, color: DiagramColor = .ink) -> DiagramText {
        .symbol(symbol, style: .name, color: color)
    }

    /// A value in a node or on an edge.
    func value(_ value: Double, color: DiagramColor = .ink) -> DiagramText {
        .number(value, color: color)
    }

    /// ∂δ/∂o without indices, the short form under a neuron.
    func shortErrorName(layer k: Int) -> DiagramText.Piece {
        shortErrorName(.activation(layer: k, neuron: 0))
    }

    /// The name of `symbol` without its indices, such as b: the box it stands by gives them.
    func shortName(_ symbol: Symbol) -> SymbolName {
        var name = notation.name(of: symbol)
        name.subscripts = []
        return name
    }

    /// ∂δ/∂`symbol` without the symbol's indices, ∂δ/∂f or ∂δ/∂o: what a part of a backward box holds, the box's
    /// place giving the indices.
    func shortErrorName(_ symbol: Symbol) -> DiagramText.Piece {
        .partial(notation.name(of: Symbol.loss), shortName(symbol))
    }

    /// The loss box of the backward pictures: ∂δ/∂δ = 1, where the backward pass starts.
    func lossSeed() -> Box {
        Box(parts: [[DiagramText([.partial(notation.name(of: Symbol.loss), notation.name(of: Symbol.loss))], style: .name), value(1)]])
    }

    /// The generic names a legend uses, with letters for indices: f_{k,j}, o_{k,j}, g_k, w_{k-1,i,j}, o_{k-1,i} and b_{k,j}
    /// in the note's notation, L^k_j, A^k_j, σ, W^k_{ij}, A^{k-1}_i and B^k_j in the four diagrams' one.
    var generic: (preactivation: SymbolName, activation: SymbolName, function: SymbolName, weight: SymbolName, input: SymbolName,
                  bias: SymbolName) {
        // Sample neurons whose printed numbers cannot be mistaken for a layer label.
        let (k, i, j) = (focus.layer, 800, 900)
        // The notation's own letters (``AnyIndex``), as the handout's notation section uses them: k or l, i or k.
        let letter = { (symbol: Symbol) in notation.name(of: symbol).subscripts.last ?? "" }
        let letters = [notation.layerLabel(k): notation.layerLabel(AnyIndex.layer), notation.layerLabel(k - 1): notation.layerLabel(AnyIndex.previousLayer),
                       String(i + 1): letter(.activation(layer: AnyIndex.previousLayer, neuron: AnyIndex.source)),
                       String(j + 1): letter(.activation(layer: AnyIndex.layer, neuron: AnyIndex.neuron))]
        func lettered(_ name: SymbolName) -> SymbolName {
            var name = name
            name.subscripts = name.subscripts.map { Self.replacing($0, letters) }
            name.superscript = name.superscript.map { Self.replacing($0, letters) }
            return name
        }
        return (lettered(notation.name(of: .preactivation(layer: k, neuron: j))), lettered(notation.name(of: .activation(layer: k, neuron: j))),
                lettered(notation.name(of: .activation(layer: k))), lettered(notation.name(of: .weight(layer: k - 1, from: i, to: j))),
                lettered(notation.name(of: .activation(layer: k - 1, neuron: i))), lettered(notation.name(of: .bias(layer: k, neuron: j))))
    }

    /// `script` with each comma-separated part that is a key of `letters` (alone or in parentheses) replaced.
    private static func replacing(_ script: String, _ letters: [String: String]) -> String {
        script.split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
            let text = String(part)
            if let letter = letters[text] { return letter }
            if text.hasPrefix("("), text.hasSuffix(")"), text.count > 2, let letter = letters[String(text.dropFirst().dropLast())] {
                return "(" + letter + ")"
            }
            return text
        }.joined(separator: ",")
    }

    /// The activation g_k as a formula piece: σ, tanh, identity, softmax.
    func activationName(layer k: Int) -> SymbolName {
        let activation = network.layer(k).activation
        if let elementary = activation.elementary { return elementary.conventionalName }
        return SymbolName(activation.rawValue, isOperator: true)
    }

    /// The heading of a layer's column: `layer n-1` and `g_{n-1} = σ`, or `input` and `layer n-3`. The layer's tag is
    /// set in its colour, so a black-and-white copy still names the layer each coloured value belongs to.
    func header(layer k: Int) -> [DiagramText] {
        let label = DiagramText([.words("layer "), .layer(notation.layerLabel(k))], style: .note, color: k > 0 ? .layer(k, depth: depth) : .muted)
        guard k > 0 else { return [DiagramText([.words("input")], style: .note, color: .muted), label] }
        // g_{n-1} = σ; just σ in a notation that names every activation σ.
        let general = notation.name(of: .activation(layer: k)), concrete = activationName(layer: k)
        let activation = DiagramText(general == concrete ? [.name(concrete)] : [.name(general), .equals, .name(concrete)],
                                     style: .note, color: .muted)
        return [label, activation]
    }

    /// ∂a/∂b on one line, as every derivative in a picture is written (a LaTeX fraction would be too small to read).
    func partial(_ quantity: Symbol, _ variable: Symbol) -> DiagramText.Piece {
        .partial(notation.name(of: quantity), notation.name(of: variable))
    }

    /// `terms[0] + terms[1] + ⋯`: the sum of the terms, the first two and `⋯` when there are more than three.
    func sum(_ terms: [BackpropCore.Expression]) -> [DiagramText.Piece] {
        guard terms.count > 3 else { return [.math(.sum(terms))] }
        return [.math(.sum(Array(terms.prefix(2)))), .plus, .dots]
    }

    /// `a · b + c · d + ⋯`: products of pieces summed, the first two and `⋯` when there are more than three.
    func sum(ofProducts terms: [[DiagramText.Piece]]) -> [DiagramText.Piece] {
        let shown = terms.count > 3 ? Array(terms.prefix(2)) : terms
        var pieces: [DiagramText.Piece] = []
        for (index, factors) in shown.enumerated() {
            if index > 0 { pieces.append(.plus) }
            for (position, factor) in factors.enumerated() {
                if position > 0 { pieces.append(.times) }
                pieces.append(factor)
            }
        }
        if terms.count > 3 { pieces += [.plus, .dots] }
        return pieces
    }

    // MARK: - Boxes

    /// The texts of a box: its parts left to right, each a stack of lines.
    struct Box {
        /// The parts, each a stack of lines top to bottom.
        var parts: [[DiagramText]]
    }

    /// Room between a text and the frame around it.
    static let padding = 0.14

    /// The widths of the parts of boxes drawn alike, each wide enough for the widest text in that part.
    func partWidths(_ boxes: [Box]) -> [Double] {
        let count = boxes.map(\.parts.count).max() ?? 0
        return (0..<count).map { part in
            let widest = boxes.lazy.filter { $0.parts.count > part }.flatMap { $0.parts[part] }.map(metrics.width).max() ?? 0
            return Swift.max(widest + 2 * Self.padding, 0.9)
        }
    }

    /// The height of the tallest of `boxes`.
    func height(_ boxes: [Box]) -> Double {
        let tallest = boxes.flatMap(\.parts).map { $0.reduce(0) { $0 + metrics.lineHeight($1) } }.max() ?? 0
        return tallest + 2 * Self.padding
    }

    /// A node showing `box` centred on `center`, its parts `widths` wide and `height` high.
    func node(_ id: String, _ role: DiagramNode.Role, layer: Int?, neuron: Int?, box: Box, center: DiagramPoint,
              widths: [Double], height: Double, outline: DiagramNode.Outline = .solid, outlineColor: DiagramColor = .ink) -> DiagramNode {
        let frame = DiagramRect(center: center, width: widths.reduce(0, +), height: height)
        var labels: [DiagramLabel] = []
        var dividers: [Double] = []
        var left = frame.x
        for (index, lines) in box.parts.enumerated() where index < widths.count {
            if index > 0 { dividers.append(left) }
            let total = lines.reduce(0) { $0 + metrics.lineHeight($1) }
            var top = center.y - total / 2
            for line in lines {
                let lineHeight = metrics.lineHeight(line)
                labels.append(DiagramLabel(line, at: DiagramPoint(x: left + widths[index] / 2, y: top + lineHeight / 2)))
                top += lineHeight
            }
            left += widths[index]
        }
        return DiagramNode(id: id, role: role, layer: layer, neuron: neuron, frame: frame, outline: outline,
                           outlineColor: outlineColor, dividers: dividers, labels: labels)
    }

    /// The texts of an ellipsis: `⋮` and "3 more" for neurons, or with `layers`, `⋯`, "6 more" and "layers" for layers,
    /// on lines of their own so the column of layers left out stays narrow.
    func ellipsisLines(count: Int, layers: Bool) -> [DiagramText] {
        let words = layers ? ["\(count) more", "layers"] : ["\(count) more"]
        return [DiagramText([layers ? .dots : .verticalDots], style: .name, color: .muted)]
            + words.map { DiagramText([.words($0)], style: .note, color: .muted) }
    }

    /// The frameless `⋮` standing for the `count` neurons of layer `layer` not drawn, or with `layers`, the `⋯`
    /// standing for the `count` layers not drawn.
    func ellipsis(_ id: String, layer: Int?, count: Int, center: DiagramPoint, width: Double, layers: Bool = false) -> DiagramNode {
        let lines = ellipsisLines(count: count, layers: layers)
        let frame = DiagramRect(center: center, width: width, height: lines.reduce(0) { $0 + metrics.lineHeight($1) })
        var top = frame.y
        var labels: [DiagramLabel] = []
        for line in lines {
            labels.append(DiagramLabel(line, at: DiagramPoint(x: center.x, y: top + metrics.lineHeight(line) / 2)))
            top += metrics.lineHeight(line)
        }
        return DiagramNode(id: id, role: .ellipsis, layer: layer, neuron: count, frame: frame, outline: .none,
                           outlineColor: .muted, dividers: [], labels: labels)
    }

    // MARK: - Edges

    /// The points where a line from `from` to `to` leaves and enters them: on the facing sides, spread
    /// along each side by the line's slope, so arrowheads arriving at one box do not pile up.
    func endpoints(from: DiagramNode, to: DiagramNode) -> (start: DiagramPoint, end: DiagramPoint) {
        let rightwards = to.frame.center.x >= from.frame.center.x
        let dx = Swift.abs(to.frame.center.x - from.frame.center.x)
        let dy = to.frame.center.y - from.frame.center.y
        let slope = dy / (Swift.abs(dy) + Swift.max(dx, 0.01))
        func side(of node: DiagramNode, right: Bool, sign: Double) -> DiagramPoint {
            let reach = Swift.max(node.frame.height / 2 - 0.12, 0)
            return DiagramPoint(x: right ? node.frame.maxX : node.frame.x, y: node.frame.center.y + sign * slope * reach)
        }
        return (side(of: from, right: rightwards, sign: 1), side(of: to, right: !rightwards, sign: -1))
    }

    /// An unlabelled edge from `from` to `to`.
    func edge(from: DiagramNode, to: DiagramNode, color: DiagramColor = .ink, isDashed: Bool = false) -> DiagramEdge {
        let (start, end) = endpoints(from: from, to: to)
        return DiagramEdge(from: from.id, to: to.id, start: start, end: end, color: color, isDashed: isDashed)
    }

    /// `text` level on a white ground on the line from `start` to `end`, at the first of the fractions `positions`
    /// (measured from the left end) where it overlaps nothing on the canvas, or `nil`. Level, so a minus sign never
    /// lies along the line.
    /// - Parameter others: The lines of edges not yet placed, which the text must not cover either.
    func freeLabel(_ text: DiagramText, from start: DiagramPoint, to end: DiagramPoint, positions: [Double],
                   clearOf others: [DiagramQuad] = []) -> DiagramLabel? {
        let (left, right) = start.x <= end.x ? (start, end) : (end, start)
        let width = metrics.width(text)
        let (dx, dy) = (right.x - left.x, right.y - left.y)
        let length = (dx * dx + dy * dy).squareRoot()
        // The stretch of line the text covers: its width's share of the run.
        let reach = width / 2 * length / Swift.max(dx, 0.01)
        for t in positions {
            // Keep the text clear of the boxes and arrowheads at both ends.
            guard t * length - reach >= 0.3, (1 - t) * length - reach >= 0.3 else { continue }
            let label = DiagramLabel(text, at: left.interpolated(to: right, t), isOpaque: true)
            if canvas.isFree(label, clearOf: others) { return label }
        }
        return nil
    }

    /// Where to try the label of an edge leaving the `index`-th of `count` sources: first a slot of its own
    /// (the sources' labels stand in columns), then along the line from its ends to its middle, where lines cross.
    static func labelPositions(index: Int, of count: Int) -> [Double] {
        let own = Double(index + 1) / Double(count + 1)
        return [own, 0.3, 0.7, 0.25, 0.75, 0.35, 0.65, 0.2, 0.8, 0.4, 0.6, 0.45, 0.55, 0.5]
    }
}
