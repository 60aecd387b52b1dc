package vn.egov.portal.workflow;

import vn.egov.portal.dossier.Dossier;

/**
 * A rule another feature adds to the workflow's steps (e.g. no completion while a transfer to another agency is
 * open). Called after the transition check, in the step's transaction; refuses by throwing an {@code ApiProblem}.
 */
public interface StepGuard {

    void check(Dossier dossier, DossierAction action);
}
