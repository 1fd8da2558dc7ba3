extension Duration {
    /// This duration in seconds, fractions included (`.milliseconds(500)` is 0.5).
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
