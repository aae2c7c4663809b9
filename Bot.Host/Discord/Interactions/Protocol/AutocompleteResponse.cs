namespace Bot.Host.Discord.Interactions.Protocol;

/// <summary>The callback answering an autocomplete interaction (type 8) with at most 25 choices.</summary>
internal sealed record AutocompleteResponse(InteractionResponseType Type, AutocompleteChoices Data);

internal sealed record AutocompleteChoices(IReadOnlyList<AutocompleteChoice> Choices);

/// <summary>What the user sees (<c>name</c>) and what the option receives when picked (<c>value</c>).</summary>
internal sealed record AutocompleteChoice(string Name, string Value);
