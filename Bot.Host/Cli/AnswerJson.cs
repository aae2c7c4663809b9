using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Host.Cli;

/// <summary>JSON settings of the public <c>ask --json</c> contract: camelCase, nulls kept, one line per answer.</summary>
internal static class AnswerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
