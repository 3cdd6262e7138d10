// React 19 JSX: the elements are known intrinsic elements, attributes and properties typed.
import type {} from 'btalk-forms/react';

export const Form = () => <btalk-address-form country="FR" api-base="/proxy/btalk/v1" heading-level={3} />;
export const Order = () => <btalk-voicesite-order customer-code="9999" lang="fr" />;
export const Import = () => <btalk-site-import customer-code="9999" concurrency={8} lang="de" />;
// @ts-expect-error import-id is text
export const WrongImport = () => <btalk-site-import import-id={{}} />;
// @ts-expect-error lang is text
export const Wrong = () => <btalk-address-form lang={42} />;
