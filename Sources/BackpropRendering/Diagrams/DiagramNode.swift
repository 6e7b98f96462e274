/// A node of a diagram: a box, split by vertical dividers into parts (f | o for a neuron), with its texts
/// already placed; or, for a summarised layer, a frameless `⋮` with the number of neurons left out.
package struct DiagramNode: Sendable, Equatable {
    /// What a node stands for.
    package enum Role: String, Sendable, Equatable, CaseIterable {
        /// A neuron of the input layer, o_{0,i}.
        case input
        /// A neuron of layer k ≥ 1, f_{k,j} | o_{k,j}.
        case neuron
        /// A bias b_{k,j}.
        case bias
        /// A target t_j.
        case target
        /// The loss δ_j of one output.
        case lossTerm
        /// The loss δ.
        case loss
        /// The neurons of a wide layer that are not drawn.
        case ellipsis
        /// A point of a plot: a mark on a plotted line, or the end of an axis or a grid line.
        case plotPoint
        /// The neurons of a layer whose activation couples them, such as softmax: a shaded ground behind them.
        case block
    }

    /// How the box is drawn.
    package enum Outline: Sendable, Equatable {
        /// A solid frame: the subject of the picture.
        case solid
        /// A dashed frame: context, such as the next layer the output is passed to.
        case dashed
        /// No frame.
        case none
        /// A light grey ground without a frame, drawn behind the edges: a group, not an obstacle.
        case shaded
    }

    /// A name unique within the diagram, e.g. `l2n0` for neuron 0 of layer 2.
    package let id: String
    /// What the node stands for.
    package let role: Role
    /// The layer (0...N) of a neuron, input, bias or ellipsis; `nil` for the targets and the loss.
    package let layer: Int?
    /// The neuron (0-based) of a neuron, input, bias, target or loss term; for an ellipsis, the number of neurons left out.
    package let neuron: Int?
    /// The box.
    package let frame: DiagramRect
    /// How the frame is drawn.
    package let outline: Outline
    /// The colour of the frame.
    package let outlineColor: DiagramColor
    /// The x positions of the vertical lines between the parts.
    package let dividers: [Double]
    /// The texts of the node, placed: inside the frame, and for a neuron of the whole-network pictures
    /// its ∂δ/∂o_{k,j} just under it.
    package let labels: [DiagramLabel]

    /// A node with every property given.
    package init(id: String, role: Role, layer: Int?, neuron: Int?, frame: DiagramRect, outline: Outline,
                outlineColor: DiagramColor, dividers: [Double], labels: [DiagramLabel]) {
        self.id = id
        self.role = role
        self.layer = layer
        self.neuron = neuron
        self.frame = frame
        self.outline = outline
        self.outlineColor = outlineColor
        self.dividers = dividers
        self.labels = labels
    }
}
