namespace Bot.Host.Hosting;

/// <summary>One component's contribution to <c>GET /health</c> (a platform connection, the database, the LLM).</summary>
public interface IHealthReporter
{
    /// <summary>Key in the health document, e.g. "discord".</summary>
    string Name { get; }
    /// <summary>True when the component works (the overall status is "degraded" if any is not).</summary>
    bool IsHealthy { get; }
    /// <summary>A small JSON-serialisable object describing the state; never contains secrets.</summary>
    object Describe();
}
