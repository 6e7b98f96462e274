import BackpropKit

// MARK: - The network drawn layer by layer

extension DiagramLayout {
    /// One column of a network drawn layer by layer: a layer, or the loss.
    struct GridColumn {
        /// The layer, or `nil` for the loss.
        var layer: Int?
        /// The neurons drawn.
        var selection: NeuronSelection
        /// The texts of each neuron drawn, by neuron.
        var boxes: [Int: Box]
        /// The text under each neuron drawn, by neuron.
        var below: [Int: DiagramText] = [:]
        /// The text over each neuron drawn, by neuron: its bias.
        var above: [Int: DiagramText] = [:]
        /// The role of the column's nodes.
        var role: DiagramNode.Role
        /// How the column's boxes are framed.
        var outline: DiagramNode.Outline = .solid
        /// The colour of the frames.
        var outlineColor: DiagramColor = .ink
        /// The heading lines.
        var header: [DiagramText]
    }

    /// An edge between a neuron of one column and a neuron of the next.
    struct GridEdge {
        /// The neuron in the left column.
        var left: Int
        /// The neuron in the right column.
        var right: Int
        /// Whether the arrow points from right to left, as the backward pass runs.
        var pointsLeft: Bool
        /// The colour of the line.
        var color: DiagramColor
        /// The text on the line, if there is room for it.
        var label: DiagramText?
    }

    /// The widest gaps tried between two layers whose edges carry labels, in centimetres; the gap
    /// between layers whose labels do not fit is the narrowest, and their edges are left unlabelled.
    static let labelledGaps = [1.5, 1.9, 2.4, 2.9, 3.4, 3.9, 4.6, 5.4]
    /// The most edges between two layers that are labelled; a denser mesh is left bare.
    static let maximumLabelledEdges = 9
    /// The gap between layers with unlabelled edges.
    static let plainGap = 1.2
    /// The room between two rows of neurons.
    static let rowGap = 0.38

    /// The layers a grid may draw, most first: all of them up to ``NeuronSelection/limit``, else the first and last few;
    /// then fewer and fewer, down to the input and output layers, with a column of `⋯` for the rest.
    var layerSelections: [NeuronSelection] {
        let count = depth + 1
        let first = NeuronSelection(width: count)
        let fewer = [(3, 2), (2, 2), (2, 1), (1, 1)].map { NeuronSelection(width: count, leading: $0.0, trailing: $0.1) }
            // A `⋯` in place of a single layer would be nearly as wide as the layer.
            .filter { $0.neurons.count < first.neurons.count && $0.neurons.count + 2 <= count }
        return [first] + fewer
    }

    /// The column standing for `count` layers not drawn.
    func skippedLayers(_ count: Int) -> GridColumn {
        GridColumn(layer: nil, selection: NeuronSelection(rows: [.ellipsis(count: count)]), boxes: [:], role: .ellipsis, header: [])
    }

    /// The widest picture of a whole network, in centimetres: printed 16 cm wide, its 9 pt texts print at 7 pt.
    static let widthBudget = 20.5

    /// What a grid drew: whether the labels of some gap were left out, and which layers it shows.
    struct GridPlacement {
        /// Whether the labels of some gap were left out.
        var unlabelled: Bool
        /// The layers drawn, with a `⋯` for those left out.
        var layers: NeuronSelection
    }

    /// Places the columns `column(k)` of the layers and then `last`, left to right, joined by the edges
    /// `edges(column, leftNeurons, rightNeurons)` between each column and the one before it. When the labelled picture
    /// is wider than ``widthBudget``, the labels of its widest gaps are left out, one gap at a time, and when even the
    /// bare picture is too wide, fewer layers are drawn (``layerSelections``), until it fits.
    mutating func placeGrid(layer column: (Int) -> GridColumn, then last: GridColumn,
                            edges: (GridColumn, [Int], [Int]) -> [GridEdge]) -> GridPlacement {
        var narrowest: (layout: DiagramLayout, placement: GridPlacement)?
        for selection in layerSelections {
            let columns = selection.rows.map { row -> GridColumn in
                switch row {
                case .neuron(let k): return column(k)
                case .ellipsis(let count): return skippedLayers(count)
                }
            } + [last]
            var bare: Set<Int> = []
            while true {
                var trial = self
                let (unlabelled, labelledGaps) = trial.placeGrid(columns, bare: bare, edges: edges)
                let placement = GridPlacement(unlabelled: unlabelled, layers: selection)
                if trial.canvas.bounds.width <= Self.widthBudget {
                    self = trial
                    return placement
                }
                guard let widest = labelledGaps.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
                    narrowest = (trial, placement)
                    break
                }
                bare.insert(widest)
            }
        }
        guard let narrowest else { return GridPlacement(unlabelled: false, layers: NeuronSelection(rows: [])) }
        self = narrowest.layout
        return narrowest.placement
    }

    /// Places `columns` once, leaving the gaps before the columns in `bare` unlabelled.
    /// - Returns: whether the labels of some gap were left out, and the width of each labelled gap by column.
    private mutating func placeGrid(_ columns: [GridColumn], bare: Set<Int>,
                                    edges: (GridColumn, [Int], [Int]) -> [GridEdge]) -> (Bool, [Int: Double]) {
        // Each box at least as wide as the texts over and under it, so they stay clear of the edges and each other.
        let widths = columns.map { column in
            guard !column.boxes.isEmpty else {
                // The column of layers not drawn is as wide as its words.
                let count = column.selection.rows.reduce(0) { total, row in
                    if case .ellipsis(let count) = row { return total + count }
                    return total
                }
                return [(ellipsisLines(count: count, layers: true).map(metrics.width).max() ?? 0) + 2 * Self.padding]
            }
            let parts = partWidths(Array(column.boxes.values))
            let texts = column.below.values.map(metrics.width) + column.above.values.map(metrics.width) + column.header.map(metrics.width)
            let under = (texts.max() ?? 0) + 2 * Self.padding
            let total = parts.reduce(0, +)
            return total >= under ? parts : parts.map { $0 + (under - total) / Double(parts.count) }
        }
        let boxHeight = height(columns.flatMap { $0.boxes.values })
        // Every grid keeps room for a line under each neuron, so the forward and backward pictures match.
        // A line over each neuron too when some column has one, its biases.
        let line = metrics.lineHeight(DiagramText([], style: .value)) + 0.04
        let over = columns.contains { !$0.above.isEmpty } ? line : 0
        let pitch = boxHeight + line + over + Self.rowGap

        let rowCenters = columns.map { self.rowCenters($0.selection, pitch: pitch) }
        let headerTop = (rowCenters.map { ($0.first ?? 0) - boxHeight / 2 }.min() ?? 0) - over

        var anyUnlabelled = false
        var labelledGaps: [Int: Double] = [:]
        var previousNodes: [Int: DiagramNode] = [:]
        var previousNeurons: [Int] = []
        var right = 0.0
        for (c, column) in columns.enumerated() {
            let width = widths[c].reduce(0, +)
            let neurons = column.selection.neurons
            let gapEdges = c == 0 ? [] : edges(column, previousNeurons, neurons)
            let hasLabels = gapEdges.contains { $0.label != nil }
            let labelled = hasLabels && gapEdges.count <= Self.maximumLabelledEdges && !bare.contains(c)
            let plainGap = c == 0 ? 0 : column.role == .loss ? 0.9 : Self.plainGap
            var nodes: [Int: DiagramNode] = [:]
            var chosen: Double?
            for gap in labelled ? Self.labelledGaps : [plainGap] {
                var trial = self
                nodes = trial.placeColumn(column, x: right + gap + width / 2, centers: rowCenters[c], widths: widths[c], height: boxHeight)
                if trial.connect(gapEdges, previousNodes, nodes, sources: previousNeurons, withLabels: labelled) {
                    self = trial
                    chosen = gap
                    break
                }
            }
            let gap = chosen ?? plainGap
            if chosen == nil {
                nodes = placeColumn(column, x: right + gap + width / 2, centers: rowCenters[c], widths: widths[c], height: boxHeight)
                _ = connect(gapEdges, previousNodes, nodes, sources: previousNeurons, withLabels: false)
            }
            if hasLabels && !(chosen != nil && labelled) { anyUnlabelled = true }
            if labelled, chosen != nil { labelledGaps[c] = gap }
            let x = right + gap + width / 2
            var headerY = headerTop - 0.25
            for line in column.header.reversed() {
                headerY -= metrics.lineHeight(line) / 2
                canvas.add(DiagramLabel(line, at: DiagramPoint(x: x, y: headerY)))
                headerY -= metrics.lineHeight(line) / 2
            }
            if let k = column.layer, k > 0, network.layer(k).activation.couplesNeurons { shadeBlock(layer: k) }
            right = x + width / 2
            previousNodes = nodes
            previousNeurons = neurons
        }
        return (anyUnlabelled, labelledGaps)
    }

    /// Shades the ground behind the neurons of layer `k` placed so far, with their texts: one block, as its activation
    /// (softmax) computes every output from every pre-activation.
    mutating func shadeBlock(layer k: Int) {
        let members = canvas.nodes.filter { $0.layer == k && ($0.role == .neuron || $0.role == .ellipsis) }
        let frames = members.map(\.frame) + members.flatMap(\.labels).map { metrics.outline(of: $0).boundingRect }
        guard let first = frames.first else { return }
        let ground = frames.dropFirst().reduce(first) { $0.union($1) }.expanded(by: 0.1)
        canvas.addGround(DiagramNode(id: "l\(k)block", role: .block, layer: k, neuron: nil, frame: ground, outline: .shaded,
                                     outlineColor: .muted, dividers: [], labels: []))
    }

    /// The centres of the rows of `selection`, `pitch` apart (less around a `⋮`), centred on y = 0.
    func rowCenters(_ selection: NeuronSelection, pitch: Double) -> [Double] {
        var centers: [Double] = []
        var y = 0.0
        var previous: Double?
        for row in selection.rows {
            let step: Double
            switch row {
            case .neuron: step = pitch
            case .ellipsis: step = 1.3
            }
            if let previous { y += (previous + step) / 2 }
            centers.append(y)
            previous = step
        }
        let middle = ((centers.first ?? 0) + (centers.last ?? 0)) / 2
        return centers.map { $0 - middle }
    }

    /// Places the nodes of `column` at `x`, one per row centre, and returns the neurons' nodes.
    mutating func placeColumn(_ column: GridColumn, x: Double, centers: [Double], widths: [Double], height: Double) -> [Int: DiagramNode] {
        var nodes: [Int: DiagramNode] = [:]
        for (row, y) in zip(column.selection.rows, centers) {
            let center = DiagramPoint(x: x, y: y)
            switch row {
            case .neuron(let j):
                var node = self.node(column.id(j), column.role, layer: column.layer, neuron: column.layer == nil ? nil : j,
                                     box: column.boxes[j] ?? Box(parts: []), center: center, widths: widths, height: height,
                                     outline: column.outline, outlineColor: column.outlineColor)
                if let below = column.below[j] {
                    let position = DiagramPoint(x: x, y: node.frame.maxY + metrics.lineHeight(below) / 2 + 0.04)
                    node = node.adding(DiagramLabel(below, at: position))
                }
                if let above = column.above[j] {
                    let position = DiagramPoint(x: x, y: node.frame.y - metrics.lineHeight(above) / 2 - 0.04)
                    node = node.adding(DiagramLabel(above, at: position))
                }
                canvas.add(node)
                nodes[j] = node
            case .ellipsis(let count):
                canvas.add(ellipsis(column.ellipsisID, layer: column.layer, count: count, center: center,
                                    width: widths.reduce(0, +), layers: column.role == .ellipsis))
            }
        }
        return nodes
    }

    /// Adds the edges between two placed columns, their labels too when `withLabels`.
    /// - Returns: `false` when some label found no free place (the edges are then only partly added).
    private mutating func connect(_ edges: [GridEdge], _ left: [Int: DiagramNode], _ right: [Int: DiagramNode],
                                  sources: [Int], withLabels: Bool) -> Bool {
        let placed = edges.compactMap { spec -> (GridEdge, DiagramEdge)? in
            guard let leftNode = left[spec.left], let rightNode = right[spec.right] else { return nil }
            let (from, to) = spec.pointsLeft ? (rightNode, leftNode) : (leftNode, rightNode)
            // Bare edges between crowded layers are drawn grey, so the neurons stand out of the mesh.
            return (spec, self.edge(from: from, to: to, color: !withLabels && spec.color == .ink ? .muted : spec.color))
        }
        // A label keeps off the lines of the edges still to come, too.
        var coming = placed.map { DiagramCanvas.strokes(of: $0.1) }
        for (spec, plain) in placed {
            var edge = plain
            coming.removeFirst()
            if withLabels, let text = spec.label {
                let index = sources.firstIndex(of: spec.left) ?? 0
                guard let label = freeLabel(text, from: edge.start, to: edge.end, positions: Self.labelPositions(index: index, of: sources.count),
                                            clearOf: coming.flatMap { $0 }) else { return false }
                edge = edge.labelled(label)
            }
            canvas.add(edge)
        }
        return true
    }
}

extension DiagramLayout.GridColumn {
    /// The id of the node of neuron `j`: `l2n0` for a neuron of layer 2, `loss`, `d0` for δ_1, `t0` for t_1, `b0` for a bias.
    func id(_ j: Int) -> String {
        switch role {
        case .loss: return "loss"
        case .lossTerm: return "d\(j)"
        case .target: return "t\(j)"
        case .bias: return "b\(j)"
        case .input, .neuron, .ellipsis, .plotPoint, .block: return "l\(layer ?? 0)n\(j)"
        }
    }

    /// The id of the column's `⋮`: `l2more` in layer 2, `dmore` among the loss terms, `layersmore` for the layers not drawn.
    var ellipsisID: String {
        switch role {
        case .lossTerm: return "dmore"
        case .target: return "tmore"
        case .ellipsis: return "layersmore"
        case .input, .neuron, .bias, .loss, .plotPoint, .block: return "l\(layer ?? 0)more"
        }
    }
}

extension DiagramNode {
    /// The node with `label` added to its texts.
    func adding(_ label: DiagramLabel) -> DiagramNode {
        DiagramNode(id: id, role: role, layer: layer, neuron: neuron, frame: frame, outline: outline,
                    outlineColor: outlineColor, dividers: dividers, labels: labels + [label])
    }
}
