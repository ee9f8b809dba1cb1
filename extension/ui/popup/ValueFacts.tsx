import type { ContactHistory } from '../../db/contacts';
import type { I18n } from '../i18n';

/**
 * What the sheet's scoring says about a contact, each figure with its meaning: in a tooltip, and
 * all together under "What is this?".
 */
export function ValueFacts({ history, i18n, explain, onExplain }: { history: ContactHistory; i18n: I18n; explain: boolean; onExplain: (on: boolean) => void }) {
  const { t } = i18n;
  const c = history.contact;
  const facts: { key: string; text: string; meaning: string; risk?: boolean; value?: string }[] = [];
  if (c.atRisk) facts.push({ key: 'risk', text: t('atRisk'), meaning: t('explainAtRisk'), risk: true });
  if (c.valueClass) facts.push({ key: 'class', text: t('valueClass', { value: c.valueClass }), meaning: i18n.label('valueClassMeaning', c.valueClass), value: c.valueClass });
  if (c.rfmSegment) {
    facts.push({
      key: 'rfm', text: i18n.label('rfmSegment', c.rfmSegment), value: c.rfmSegment,
      meaning: t('explainRfm', { segment: i18n.label('rfmSegment', c.rfmSegment), meaning: i18n.label('rfmMeaning', c.rfmSegment) }),
    });
  }
  if (c.clv != null) facts.push({ key: 'clv', text: t('clv', { value: i18n.money(c.clv) }), meaning: t('explainClv') });
  else if (c.valueClass) facts.push({ key: 'clv', text: t('clvMissing'), meaning: t('explainClvMissing') });
  if (c.pAlive != null) facts.push({ key: 'alive', text: t('pAlive', { value: i18n.percent(c.pAlive) }), meaning: t('explainPAlive') });
  if (c.leadScore != null && !c.valueClass) facts.push({ key: 'lead', text: t('leadScore', { value: Math.round(c.leadScore) }), meaning: t('explainLeadScore') });
  if (facts.length === 0) return null;
  return (
    <div class="facts" data-testid="facts">
      <div class="chips">
        {facts.map((fact) => (
          <span key={fact.key} class={fact.risk ? 'chip risk' : 'chip'} title={fact.meaning} data-testid={`fact-${fact.key}`} data-value={fact.value}>{fact.text}</span>
        ))}
        <button type="button" class="link" aria-expanded={explain} onClick={() => onExplain(!explain)}>{explain ? t('hideExplanation') : t('whatIsThis')}</button>
      </div>
      {explain && <ul class="explanations">{facts.map((fact) => <li key={fact.key}>{fact.meaning}</li>)}</ul>}
    </div>
  );
}
