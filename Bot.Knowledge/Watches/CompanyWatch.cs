namespace Bot.Knowledge.Watches;

/// <summary>
/// A channel watching a company: a new layoff round of the company is posted there once.
/// <see cref="KnownSources"/> holds the sources of rounds the channel need not hear about: those known when the watch
/// was added and those already alerted, so a round whose first date moves as sources join is still not new.
/// </summary>
public sealed class CompanyWatch
{
    /// <summary>platform:channel:company key.</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Platform { get; set; } = "";
    public string ChannelId { get; set; } = "";
    /// <summary>Canonical display name, e.g. "Acme".</summary>
    public string Company { get; set; } = "";
    public string CompanyKey { get; set; } = "";
    public string AddedBy { get; set; } = "";
    public DateTime AddedAt { get; set; }
    public List<string> KnownSources { get; set; } = [];

    public static string IdOf(string platform, string channelId, string companyKey) => $"{platform}:{channelId}:{companyKey}";

    /// <summary>The id of the channel's watch of <paramref name="company"/> as typed ("acme", "Acme Inc.").</summary>
    public static string IdFor(string platform, string channelId, string company) =>
        IdOf(platform, channelId, EmployerNameNormalizer.CompanyKey(EmployerNameNormalizer.Canonical(company)));
}
