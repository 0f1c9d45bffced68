ALTER TABLE "audit_event" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE INDEX "audit_event_chain_idx" ON "audit_event" USING btree ("authority_id","chain_seq");