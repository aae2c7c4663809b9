using Bot.Knowledge.Companies;

namespace Bot.Tests.Knowledge;

public sealed class EmployerNameNormalizerTests
{
    [Theory]
    [InlineData("Amazon.com Services LLC", "Amazon")]
    [InlineData("Amazon Web Services", "Amazon")]
    [InlineData("Amazon.com, Inc.", "Amazon")]
    [InlineData("Amazon (SJC11 Facility)", "Amazon")]
    [InlineData("Amazon - MAB1", "Amazon")]
    [InlineData("Amazon-BWI1", "Amazon")]
    [InlineData("Meta Platforms, Inc.", "Meta")]
    [InlineData("Meta Platforms, Inc. (formerly Facebook, Inc.) - New York City Region", "Meta")]
    [InlineData("Facebook", "Meta")]
    [InlineData("Google LLC", "Google")]
    [InlineData("Alphabet", "Google")]
    [InlineData("Google US-MTV-1900", "Google")]
    [InlineData("INTEL CORPORATION", "Intel")]
    [InlineData("International Business Machines Corporation (IBM)", "IBM")]
    [InlineData("salesforcecom inc", "Salesforce")]
    [InlineData("Sage Therapeutics copy", "Sage Therapeutics")]
    [InlineData("Vista Ford, Inc", "Vista Ford")]
    [InlineData("VISTA FORD INC", "Vista Ford")]
    [InlineData("Monday.com", "Monday.com")]
    [InlineData("ABBYY", "ABBYY")]
    [InlineData("Software AG", "Software AG")]
    [InlineData("Open Co", "Open Co")]
    [InlineData("Mercari U.S.", "Mercari U.S.")]
    [InlineData("E Inc.", "E Inc.")]
    public void Names_map_to_one_canonical_company(string raw, string expected) =>
        Assert.Equal(expected, EmployerNameNormalizer.Canonical(raw));

    [Theory]
    [InlineData("Apple Bank")]
    [InlineData("Meta Company")]
    [InlineData("Applebee's")]
    public void Other_employers_that_share_a_word_with_a_brand_stay_apart(string raw)
    {
        var canonical = EmployerNameNormalizer.Canonical(raw);
        Assert.NotEqual("Apple", canonical);
        Assert.NotEqual("Meta", canonical);
    }

    [Fact]
    public void Company_keys_ignore_case_and_punctuation() =>
        Assert.Equal(EmployerNameNormalizer.CompanyKey("amazon"), EmployerNameNormalizer.CompanyKey("AMAZON.COM SERVICES, LLC"));
}
