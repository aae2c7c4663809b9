using Bot.Host.State;
using Bot.Knowledge.Companies;

namespace Bot.Host.Chat;

/// <summary>
/// <c>watch add|remove|list [company]</c> for the channel the command came from. Who may run it is the platform
/// edge's call (Manage Server on Discord; Slack has no such notion in a slash command).
/// </summary>
internal sealed class WatchCommand(IWatchStore watches, CompanyWatchFactory newWatch, LayoffDataQueries queries)
{
    public const string CompanyOption = "company";

    public ChatReply Handle(ChatCommand command)
    {
        var request = command.Request;
        var action = command.Options.GetValueOrDefault(ChatCommand.SubcommandOption)?.Trim().ToLowerInvariant();
        var company = command.Options.GetValueOrDefault(CompanyOption)?.Trim() ?? "";
        if (action is "add" or "remove" && company.Length == 0) return ChatReply.Error($"Which company? e.g. watch {action} Amazon");
        switch (action)
        {
            case "add":
                var added = newWatch.Create(request.Platform, request.ChannelId, company, request.UserId);
                if (!watches.TryAdd(added))
                    return ChatReply.Error($"This channel already watches {EmployerNameNormalizer.Canonical(company)}.");
                var known = queries.Timeline(added.Company, includeWarn: false).Count;
                return new ChatReply
                {
                    Text = $"Watching {added.Company} in this channel: its next new layoff round will be posted here once, with the " +
                        $"figure, the date and its source. "
                        + (known == 0 ? "The knowledge base has no round of it yet."
                            : $"The {known} rounds known today are not posted again."),
                };
            case "remove":
                return watches.Remove(CompanyWatch.IdFor(request.Platform, request.ChannelId, company))
                    ? new ChatReply { Text = $"Stopped watching {EmployerNameNormalizer.Canonical(company)} in this channel." }
                    : ChatReply.Error($"This channel does not watch {EmployerNameNormalizer.Canonical(company)}.");
            case "list":
                var list = watches.InChannel(request.Platform, request.ChannelId);
                return new ChatReply
                {
                    Text = list.Count == 0 ? "This channel watches no company. Add one with watch add COMPANY."
                        : $"This channel watches {list.Count} {(list.Count == 1 ? "company" : "companies")}:",
                    Lines = list.Select(w => w.Company).ToList(),
                    Ephemeral = true,
                };
            default:
                return ChatReply.Error("Use watch add COMPANY, watch remove COMPANY or watch list.");
        }
    }
}
