import BackpropRendering

extension HandoutFormatter {
    /// The whole handout as this formatter writes it.
    func string(_ handout: Handout) -> String {
        var formatter = self
        var output = ""
        formatter.format(handout, to: &output)
        return output
    }
}
