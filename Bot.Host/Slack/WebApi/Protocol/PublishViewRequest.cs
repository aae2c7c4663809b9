namespace Bot.Host.Slack.WebApi.Protocol;

/// <summary><c>views.publish</c> body: the App Home view shown to <see cref="UserId"/>.</summary>
internal sealed record PublishViewRequest(string UserId, HomeView View);

/// <summary>A Home tab view (<c>type: home</c>, at most 100 blocks).</summary>
internal sealed record HomeView(IReadOnlyList<SlackBlock> Blocks)
{
    public const int MaxBlocks = 100;
    public string Type => "home";
}
