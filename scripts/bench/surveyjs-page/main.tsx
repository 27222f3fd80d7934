/**
 * The kiosk bench's peer: one procedure's steps as a SurveyJS multi-page survey, with SurveyJS's
 * defaults (its CSS, its Next button, its page animations). The bench writes survey.json next to
 * the built page; `window.__survey` is used only for the unmeasured answers and the loop back.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import 'survey-core/survey-core.css';
import { Survey } from 'survey-react-ui';

void fetch('./survey.json')
  .then((response) => response.json())
  .then((json: unknown) => {
    const model = new Model(json as object);
    (window as unknown as { __survey: Model }).__survey = model;
    const root = document.getElementById('root');
    if (root) createRoot(root).render(createElement(Survey, { model }));
  });
