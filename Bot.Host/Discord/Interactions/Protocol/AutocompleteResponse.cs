namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>The answer to an autocomplete interaction: type 8 with up to 25 choices.</summary>
internal sealed record AutocompleteResponse(InteractionResponseType Type, AutocompleteChoices Data);

internal sealed record AutocompleteChoices(IReadOnlyList<AutocompleteChoice> Choices);

/// <summary>One suggestion: the text shown and the value the option takes.</summary>
internal sealed record AutocompleteChoice(string Name, string Value);
