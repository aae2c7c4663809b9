namespace Bot.Knowledge.Digest;

/// <summary>New articles about one company (its main company, the first one a document mentions).</summary>
public sealed record DigestCompanyArticles(string Company, IReadOnlyList<DigestArticle> Articles);
