package org.fedgate.gateway.route.step;

import org.apache.camel.Exchange;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.model.AgencyId;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Verifies the partner's signed receipt: signed by the partner, for this message id, over the
 * digest of exactly the payload we sent. A REJECTED receipt is a final refusal.
 */
public final class VerifyReceiptStep extends Step {

  public VerifyReceiptStep(GatewayContext ctx) {
    super(ctx);
  }

  @Override
  public void process(Exchange exchange) {
    Outbox.Entry row = required(exchange, GatewayHeaders.OUTBOX_ENTRY, Outbox.Entry.class);
    String receiptJws = optional(exchange, GatewayHeaders.RECEIPT, String.class);
    if (receiptJws == null) {
      throw new PartnerRejectedException(GatewayError.RECEIPT_INVALID.code(), null);
    }
    EnvelopeTrust.Receipt receipt;
    try {
      receipt =
          ctx.metrics()
              .time(
                  GatewayMetrics.Step.VERIFY,
                  () ->
                      ctx.trust()
                          .verifyReceipt(
                              receiptJws,
                              AgencyId.of(row.partner()),
                              row.messageId(),
                              row.payloadSha256()));
    } catch (FedgateException e) {
      throw new PartnerRejectedException(GatewayError.RECEIPT_INVALID.code(), null);
    }
    if (!row.payloadSha256().equals(receipt.payloadSha256())) {
      throw new PartnerRejectedException(GatewayError.RECEIPT_INVALID.code(), null);
    }
    if (!receipt.accepted()) {
      throw new PartnerRejectedException(receipt.rejectCode(), receiptJws);
    }
  }
}
