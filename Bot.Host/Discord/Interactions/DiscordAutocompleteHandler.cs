using Bot.Host.Discord.Commands;
using Bot.Host.Discord.Interactions.Protocol;
using Bot.Host.Discord.Rest;

namespace Bot.Host.Discord.Interactions;

/// <summary>
/// Answers autocomplete interactions (type 4) with a type 8 callback: company names for any option
/// named <see cref="DiscordCommandCatalog.CompanyOption"/>, no choices for other options. Answered from an
/// in-memory list, so well within Discord's 3 seconds.
/// </summary>
internal sealed class DiscordAutocompleteHandler(CompanyNameSuggester companies, DiscordRestClient rest)
{
    public Task RespondAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var focused = Focused(interaction.Data?.Options);
        IReadOnlyList<AutocompleteChoice> choices = focused?.Name == DiscordCommandCatalog.CompanyOption
            ? companies.Suggest(Typed(focused)).Select(name => new AutocompleteChoice(name, name)).ToList()
            : [];
        return rest.CreateAutocompleteResponseAsync(interaction.Id, interaction.Token, choices, cancellationToken);
    }

    /// <summary>The option being typed, also inside subcommands.</summary>
    private static DiscordInteractionOption? Focused(IReadOnlyList<DiscordInteractionOption>? options) =>
        options?.FirstOrDefault(o => o.Focused == true) ?? options?.Select(o => Focused(o.Options)).FirstOrDefault(o => o is not null);

    private static string Typed(DiscordInteractionOption option) =>
        option.Value is { ValueKind: System.Text.Json.JsonValueKind.String } value ? value.GetString() ?? "" : "";
}
