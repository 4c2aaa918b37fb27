package org.fedgate.model.audit;

/** What a gateway did with personal data (or with the audit trail itself). */
public enum Operation {
  /** Records were released to a partner (outbound envelope signed and queued). */
  DISCLOSURE,
  /** Records were accepted from a partner (inbound envelope verified and admitted). */
  COLLECTION,
  /** An officer or system read records held or received by the gateway. */
  CONSULTATION,
  /** An officer asked a partner for records (outbound record request). */
  REQUEST,
  /** A partner's record request was answered (or refused) by this gateway. */
  RESPONSE,
  /** An inbound or outbound operation was refused (policy, trust or validation). */
  REJECTION,
  /** An envelope was delivered and the partner's signed receipt verified. */
  DELIVERY,
  /** A delivery attempt failed or the envelope expired and was dead-lettered. */
  DELIVERY_FAILED,
  /** This gateway issued a signed receipt for an inbound envelope. */
  RECEIPT,
  /** An inbound envelope broke its agreement and was held in quarantine. */
  QUARANTINE,
  /** Inbound records were delivered to the national back end or agency inbox. */
  NATIONAL_DELIVERY,
  /** Someone read, searched, verified or exported the audit trail. */
  AUDIT_ACCESS,
  /**
   * Records received from a partner were erased because the agreement's retention period ended (the
   * metadata and this trail remain).
   */
  ERASURE
}
