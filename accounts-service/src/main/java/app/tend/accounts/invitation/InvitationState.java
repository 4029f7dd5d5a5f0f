package app.tend.accounts.invitation;

/** Where an invitation stands, as the person holding its link and the clinic both see it. */
public enum InvitationState {
  /** The link works. */
  OPEN,
  /** The person joined with it; the link will not work again. */
  ACCEPTED,
  /** Nobody used it in time. */
  EXPIRED,
  /** The clinic withdrew it, usually by sending a new one. */
  REVOKED,
  /** The person joined with it and later erased their account. */
  LEFT
}
