namespace Bot.Host.Hosting;

/// <summary>Lets a platform add its HTTP endpoints (e.g. <c>/discord/interactions</c>) to the <c>serve</c> listener.</summary>
public interface IEndpointMapper
{
    void Map(IEndpointRouteBuilder endpoints);
}
