/// The neurons of one layer a diagram draws: all of them up to ``limit``, and for a wider layer the first
/// ``leading`` and the last ``trailing`` with a `⋮` between that stands for the rest.
struct NeuronSelection: Equatable {
    /// One row of a drawn layer.
    enum Row: Equatable {
        /// Neuron `j`, 0-based.
        case neuron(Int)
        /// The `count` neurons not drawn.
        case ellipsis(count: Int)
    }

    /// The widest layer drawn in full.
    static let limit = 8
    /// The neurons drawn before the `⋮` of a summarised layer.
    static let leading = 3
    /// The neurons drawn after the `⋮` of a summarised layer.
    static let trailing = 2

    /// The rows, top to bottom.
    let rows: [Row]

    /// A selection of exactly `rows`.
    init(rows: [Row]) {
        self.rows = rows
    }

    /// The rows for a layer of `width` neurons: all of them up to ``limit``, else the first ``leading`` and the last ``trailing``.
    init(width: Int) {
        if width > Self.limit {
            self.init(width: width, leading: Self.leading, trailing: Self.trailing)
        } else {
            self.init(rows: (0..<Swift.max(width, 0)).map(Row.neuron))
        }
    }

    /// The rows for `width` neurons of which only the first `leading` and the last `trailing` are drawn, with a `⋮`
    /// for the rest; all of them when that would leave none out.
    init(width: Int, leading: Int, trailing: Int) {
        guard width > leading + trailing else {
            self.init(rows: (0..<Swift.max(width, 0)).map(Row.neuron))
            return
        }
        self.init(rows: (0..<leading).map(Row.neuron)
            + [.ellipsis(count: width - leading - trailing)]
            + ((width - trailing)..<width).map(Row.neuron))
    }

    /// The neurons drawn, top to bottom.
    var neurons: [Int] {
        rows.compactMap { row in
            if case .neuron(let j) = row { return j }
            return nil
        }
    }
}
