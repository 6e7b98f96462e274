/// A stretch of an SVG label's text on the baseline, or lowered as a subscript, or raised as a superscript, cut from
/// the text ``SVGMath`` prints at the marks it sets around each script.
struct ScriptRun: Equatable {
    /// Opens a subscript (a character of Unicode's private use area, which no name or number holds).
    static let subscriptMark: Character = "\u{E000}"
    /// Opens a superscript.
    static let superscriptMark: Character = "\u{E001}"
    /// Closes the script opened last.
    static let endMark: Character = "\u{E002}"

    /// Where a script sits.
    enum Script: Equatable {
        /// Lowered, smaller.
        case sub
        /// Raised, smaller.
        case sup

        /// The shift of the baseline in units of the font size, downwards positive.
        var offset: Double {
            switch self {
            case .sub: return 0.3
            case .sup: return -0.4
            }
        }
    }

    /// The text, unmarked.
    var text: String
    /// The scripts it sits in, outermost first: none on the baseline, two for a superscript's subscript.
    var scripts: [Script]

    /// The shift of the run's baseline from the text's, in units of the font size, downwards positive.
    var offset: Double {
        var scale = 1.0, offset = 0.0
        for script in scripts {
            offset += script.offset * scale
            scale *= Self.scriptScale
        }
        return offset
    }

    /// The run's font size in units of the text's.
    var scale: Double {
        scripts.reduce(1) { scale, _ in scale * Self.scriptScale }
    }

    /// The size of a script against the text it is attached to.
    static let scriptScale = 0.7

    /// `text` cut into runs at its marks; an unmatched end mark is dropped.
    static func runs(of text: String) -> [ScriptRun] {
        var runs: [ScriptRun] = []
        var scripts: [Script] = []
        for character in text {
            switch character {
            case subscriptMark: scripts.append(.sub)
            case superscriptMark: scripts.append(.sup)
            case endMark: _ = scripts.popLast()
            default:
                if let last = runs.last, last.scripts == scripts {
                    runs[runs.count - 1].text.append(character)
                } else {
                    runs.append(ScriptRun(text: String(character), scripts: scripts))
                }
            }
        }
        return runs
    }
}
