using System.Reflection;
using Bot.Host.Chat;

namespace Bot.Tests.Discord;

/// <summary>The neutral core (Chat, Net) must not know the Discord edge; only the edge knows both.</summary>
public sealed class DiscordLayeringTests
{
    [Theory]
    [InlineData("Bot.Host.Chat")]
    [InlineData("Bot.Host.Net")]
    public void Neutral_namespaces_do_not_mention_discord_types(string neutralNamespace)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var neutral = typeof(ChatReply).Assembly.GetTypes().Where(t => t.Namespace == neutralNamespace).ToList();
        Assert.NotEmpty(neutral);

        var offenders = neutral.SelectMany(type =>
                new[] { type.BaseType }.Concat(type.GetInterfaces())
                    .Concat(type.GetFields(all).Select(f => f.FieldType))
                    .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                    .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                    .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
                    .Where(t => t?.Namespace?.StartsWith("Bot.Host.Discord", StringComparison.Ordinal) == true)
                    .Select(t => $"{type.Name} -> {t!.Name}"))
            .ToList();

        Assert.Empty(offenders);
    }
}
