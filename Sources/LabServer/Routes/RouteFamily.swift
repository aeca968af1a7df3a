/// The routes of one API family (one URL prefix, mostly), answering the model errors their
/// handlers throw in that API's dialect.
protocol RouteFamily {
    var routes: [Route] { get }
    static var refusals: RefusalDialect { get }
}

extension RouteFamily {
    /// The routes as the emulator's table holds them: each knowing its family's dialect.
    var routesInDialect: [Route] {
        routes.map { route in
            var route = route
            route.refusals = Self.refusals
            return route
        }
    }
}
