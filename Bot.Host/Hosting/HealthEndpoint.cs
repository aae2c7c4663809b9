namespace Bot.Host.Hosting;

/// <summary><c>GET /health</c>: every registered <see cref="IHealthReporter"/>, and 503 when one is unhealthy.</summary>
internal static class HealthEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", (IEnumerable<IHealthReporter> reporters) =>
        {
            // Describe first: a reporter may learn its health while describing itself.
            var parts = reporters.ToDictionary(r => r.Name,
                r => { var detail = r.Describe(); return new { healthy = r.IsHealthy, detail }; });
            var healthy = parts.Values.All(p => p.healthy);
            return Results.Json(new { status = healthy ? "healthy" : "degraded", components = parts },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
}
