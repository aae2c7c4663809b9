using System.Text.Json.Serialization.Metadata;

namespace Bot.Host.Cli;

/// <summary>
/// JSON settings of the public <c>ask --json</c> contract: camelCase, nulls kept, one line per answer. The contract's
/// names are the CLI's: <see cref="Answer.Text"/> is "answer".
/// </summary>
internal static class AnswerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ContractNames } },
    };

    private static void ContractNames(JsonTypeInfo type)
    {
        if (type.Type != typeof(Answer)) return;
        foreach (var property in type.Properties)
            if (property.Name == "text") property.Name = "answer";
    }
}
