from clamor.extract.reactions import find_reactions, stance_of
from clamor.extract.sentences import split_sentences
from clamor.models import Stance


def test_stances():
    assert stance_of("She condemned the crackdown on demonstrators.")[0] == Stance.CONDEMNS_REPRESSION
    assert stance_of("He said the riots must be brought to an end.")[0] == Stance.SUPPORTS_CRACKDOWN
    assert stance_of("They called for an independent investigation.")[0] == Stance.CALLS_FOR_INVESTIGATION
    assert stance_of("The envoy urged restraint on all sides.")[0] == Stance.CALLS_FOR_RESTRAINT
    assert stance_of("He expressed solidarity with the strikers.")[0] == Stance.SUPPORTS_PROTESTERS


def test_reaction_actor_role_country(nlp):
    text = ("Workers rallied in Lyon on Monday. German Foreign Minister Hans Weber condemned the "
            "violence against protesters. Weber also said he was concerned.")
    found = find_reactions(text, split_sentences(text, nlp(text)), nlp(text), None)
    assert len(found) == 1
    r = found[0]
    assert r.actor == "Hans Weber" and r.actor_role == "German Foreign Minister"
    assert r.actor_country == "Germany" and r.stance == Stance.CONDEMNS_REPRESSION
    for ev in r.evidence:
        assert text[ev.start:ev.end] == ev.text
