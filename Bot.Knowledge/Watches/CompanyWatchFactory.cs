namespace Bot.Knowledge.Watches;

/// <summary>A new watch: the company's name as the data writes it, and today's rounds as known (only later rounds alert).</summary>
public sealed class CompanyWatchFactory(LayoffDataQueries queries, TimeProvider time)
{
    public CompanyWatch Create(string platform, string channelId, string company, string userId)
    {
        var key = EmployerNameNormalizer.CompanyKey(EmployerNameNormalizer.Canonical(company));
        // The name as the data writes it ("acme" typed, "Acme" stored), else as typed, canonicalised.
        var canonical = queries.CompanyNames(company, 25).FirstOrDefault(n => EmployerNameNormalizer.CompanyKey(n) == key)
            ?? EmployerNameNormalizer.Canonical(company);
        return new CompanyWatch
        {
            Id = CompanyWatch.IdOf(platform, channelId, key), Platform = platform, ChannelId = channelId, Company = canonical,
            CompanyKey = key,
            AddedBy = userId, AddedAt = time.GetUtcNow().UtcDateTime,
            KnownSources = queries.Timeline(canonical, includeWarn: false).SelectMany(RoundSources.Keys).Distinct().ToList(),
        };
    }
}
